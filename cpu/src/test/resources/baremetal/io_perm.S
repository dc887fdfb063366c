# I/O permission at CPL 3 (SDM Vol. 1 §19.5): with CPL > IOPL, IN/OUT are allowed only if every bit
# of the accessed ports in the TSS I/O bitmap is 0 (§19.5.2), else #GP(0). With IOPL = 3 the bitmap is
# not consulted. CLI/STI need CPL <= IOPL (Vol. 2B CLI). Ports 0x80-0x87 are the harness's device,
# which reads 0x5A and records writes.
        .include "common.S"
test_main:
        orb $0x01, tss + 0x68 + 0x80 / 8        # deny port 0x80 (bit 0 of byte 16)
        EXPECT_FAULT 1f
        TO_USER u_iopl0
1:      EXPECT_FAULT 1f
        TO_USER u_deny8
1:      EXPECT_FAULT 1f
        TO_USER u_deny16
1:      EXPECT_FAULT 1f
        TO_USER u_cli
1:      EXPECT_FAULT 1f
        TO_USER u_iopl3, 0x3002
1:      DONE

u_iopl0:                                        # IOPL 0: the bitmap decides
        in $0x81, %al                           # allowed
        movzbl %al, %eax
        REPORT %rax                             # 0: 0x5A
        mov $0x11, %al
        out %al, $0x81                          # allowed: device records 0x8111
        mov $0x82, %dx
        mov $0x2233, %ax
        out %ax, %dx                            # 16-bit to 0x82-0x83: allowed (0x8233, 0x8322)
        int $0x80
u_deny8:
        in $0x80, %al                           # denied: #GP(0)
u_deny16:
        mov $0x7f, %dx
        in %dx, %ax                             # 16-bit at 0x7f covers 0x80: #GP(0)
u_cli:
        cli                                     # IOPL 0 < CPL 3: #GP(0)
u_iopl3:                                        # IOPL 3: the bitmap is not consulted
        mov $0x44, %al
        out %al, $0x80                          # device records 0x8044
        cli
        int $0x80
