package org.jemu.user;

import java.io.IOException;

/** mmap, munmap, mprotect, brk, mremap, madvise (Linux mm/mmap.c, mm/mremap.c semantics). */
final class MemorySyscalls {
    static final int MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20,
            MAP_FIXED_NOREPLACE = 0x100000;
    static final int MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;
    static final int MADV_DONTNEED = 4;
    private static final long PAGE = AddressSpace.PAGE;

    private final GuestProcess p;

    MemorySyscalls(GuestProcess p) {
        this.p = p;
    }

    long mmap(long addr, long len, int prot, int flags, int fd, long off) throws IOException {
        if (len <= 0 || (off & (PAGE - 1)) != 0) return -Errno.EINVAL;
        if ((flags & (MAP_SHARED | MAP_PRIVATE)) == 0) return -Errno.EINVAL;
        len = AddressSpace.pageUp(len);
        if (len <= 0 || len > AddressSpace.TASK_SIZE) return -Errno.ENOMEM;
        OpenFile file = null;
        if ((flags & MAP_ANONYMOUS) == 0) {
            file = p.files.get(fd);
            if (file == null) return -Errno.EBADF;
        }
        long start;
        if ((flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0) {
            if ((addr & (PAGE - 1)) != 0) return -Errno.EINVAL;
            if (addr + len > AddressSpace.TASK_SIZE || addr < PAGE) return -Errno.ENOMEM;
            if ((flags & MAP_FIXED) == 0 && !p.space.isFree(addr, addr + len)) return -Errno.EEXIST;
            start = addr;
        } else {
            long hint = AddressSpace.pageDown(addr);
            start = hint != 0 && p.space.isFree(hint, hint + len) ? hint : p.space.findFree(len, p.mmapTop);
            if (start < 0) return -Errno.ENOMEM;
        }
        p.space.map(start, len, prot, file == null ? "anon" : "file");
        if (file != null) {
            // Private (and, approximately, shared) file mappings: a copy of the file's bytes.
            byte[] buf = new byte[(int) Math.min(len, 1 << 20)];
            for (long done = 0; done < len; ) {
                int n = file.pread(buf, 0, (int) Math.min(buf.length, len - done), off + done);
                if (n <= 0) break;
                try {
                    writeIgnoringProt(start + done, buf, n);
                } catch (GuestMemory.Fault f) {
                    return -Errno.ENOMEM;
                }
                done += n;
            }
        }
        return start;
    }

    private void writeIgnoringProt(long va, byte[] buf, int n) throws GuestMemory.Fault {
        int prot = p.space.protAt(va);
        long end = va + n;
        p.space.protect(AddressSpace.pageDown(va), AddressSpace.pageUp(end) - AddressSpace.pageDown(va),
                AddressSpace.PROT_READ | AddressSpace.PROT_WRITE);
        p.mem.write(va, buf, 0, n);
        p.space.protect(AddressSpace.pageDown(va), AddressSpace.pageUp(end) - AddressSpace.pageDown(va), prot);
    }

    long munmap(long addr, long len) {
        if ((addr & (PAGE - 1)) != 0 || len <= 0) return -Errno.EINVAL;
        p.space.unmap(addr, len);
        return 0;
    }

    long mprotect(long addr, long len, int prot) {
        if ((addr & (PAGE - 1)) != 0) return -Errno.EINVAL;
        if (len == 0) return 0;
        return p.space.protect(addr, len, prot) ? 0 : -Errno.ENOMEM;
    }

    /** brk: returns the new break, or the old one when the request cannot be met. */
    long brk(long addr) {
        if (addr < p.brkStart) return p.brk;
        long oldTop = AddressSpace.pageUp(p.brk);
        long newTop = AddressSpace.pageUp(addr);
        if (newTop > oldTop) {
            if (!p.space.isFree(oldTop, newTop)) return p.brk;
            p.space.map(oldTop, newTop - oldTop, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, "heap");
        } else if (newTop < oldTop) {
            p.space.unmap(newTop, oldTop - newTop);
        }
        p.brk = addr;
        return addr;
    }

    long mremap(long old, long oldLen, long newLen, int flags, long newAddr) {
        if ((old & (PAGE - 1)) != 0 || newLen <= 0) return -Errno.EINVAL;
        oldLen = AddressSpace.pageUp(oldLen);
        newLen = AddressSpace.pageUp(newLen);
        if (!p.space.isMapped(old, old + Math.max(oldLen, PAGE))) return -Errno.EFAULT;
        int prot = p.space.protAt(old);
        if ((flags & MREMAP_FIXED) != 0) return -Errno.EINVAL;
        if (newLen <= oldLen) {
            if (newLen < oldLen) p.space.unmap(old + newLen, oldLen - newLen);
            return old;
        }
        if (p.space.isFree(old + oldLen, old + newLen)) {
            p.space.map(old + oldLen, newLen - oldLen, prot, "anon");
            return old;
        }
        if ((flags & MREMAP_MAYMOVE) == 0) return -Errno.ENOMEM;
        long dest = p.space.findFree(newLen, p.mmapTop);
        if (dest < 0) return -Errno.ENOMEM;
        p.space.map(dest, newLen, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, "anon");
        try {
            byte[] buf = new byte[(int) PAGE];
            p.space.protect(old, oldLen, AddressSpace.PROT_READ);
            for (long o = 0; o < oldLen; o += PAGE) {
                p.mem.read(old + o, buf, 0, buf.length);
                p.mem.write(dest + o, buf, 0, buf.length);
            }
        } catch (GuestMemory.Fault f) {
            p.space.unmap(dest, newLen);
            return -Errno.EFAULT;
        }
        p.space.protect(dest, newLen, prot);
        p.space.unmap(old, oldLen);
        return dest;
    }

    long madvise(long addr, long len, int advice) {
        if ((addr & (PAGE - 1)) != 0) return -Errno.EINVAL;
        if (advice == MADV_DONTNEED) p.space.discard(addr, addr + AddressSpace.pageUp(len));
        return 0;
    }
}
