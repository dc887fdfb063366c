# #TS when the stack pointer a gate needs lies beyond the TSS limit (SDM Vol. 3A §6.14.5, §6.15
# interrupt 10, §6.13): the error code is the TSS selector, with EXT=1 when the event being delivered
# was external to the program (an earlier exception) and EXT=0 for INT n.
        .include "common.S"
test_main:
        # a second TSS descriptor at 0x38 (over CODE32/NPDATA): same TSS, limit 0x2F, so RSP0 and
        # IST1 are inside it and IST2 (offset 0x2C) is not
        mov gdt + TSSSEL, %rax
        mov %rax, gdt + 0x38
        mov gdt + TSSSEL + 8, %rax
        mov %rax, gdt + 0x40
        movw $0x2f, gdt + 0x38                  # limit 15:0
        andb $~2, gdt + 0x38 + 5                # busy -> available
        mov $0x38, %ax
        ltr %ax
        movb $2, idt + 16 * 0x81 + 4            # INT 0x81 through IST2
        movb $2, idt + 16 * 6 + 4               # #UD through IST2
        EXPECT_FAULT 1f
t0:     int $0x81                               # #TS(0x38): software interrupt, EXT=0
1:      EXPECT_FAULT 1f
t1:     ud2                                     # #TS(0x39): during delivery of #UD, EXT=1
1:      DONE
