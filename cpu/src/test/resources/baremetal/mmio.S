# Memory-mapped I/O through paging (DESIGN.md "TLB": MMIO pages never get fast TLB entries): every
# read and write of a device register reaches the device, however often the page is used. The
# harness maps a register at physical 3 GiB whose reads count up and whose writes it records.
        .include "common.S"
test_main:
        movabs $(0xC0000000 + PTE_P + PTE_W + PTE_PS), %rax
        mov %rax, PDPT + 3 * 8                  # 1 GiB page: identity at 3 GiB
        mov $0xC0000000, %ebx
        mov (%rbx), %rax
        REPORT %rax                             # 0: 0
        mov (%rbx), %rax
        REPORT %rax                             # 1: 1
        mov (%rbx), %rax
        REPORT %rax                             # 2: 2
        movq $0xA, (%rbx)
        movq $0xB, (%rbx)
        movl $0xC, (%rbx)
        DONE
