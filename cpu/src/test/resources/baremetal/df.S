# Double fault (SDM Vol. 3A §6.15 interrupt 8, table 6-5): a contributory exception while delivering
# a contributory one, or a #PF or contributory while delivering #PF, becomes #DF with error code 0,
# delivered here on IST1.
        .include "common.S"
test_main:
        # #DE whose gate is not present: #NP during delivery -> #DF
        andb $0x7f, idt + 5
        xor %ecx, %ecx
        EXPECT_FAULT 1f
de_insn:
        div %ecx
1:      orb $0x80, idt + 5
        # #UD with RSP pointing to an unmapped page: pushing the frame gives #PF (benign then #PF:
        # handled serially); pushing #PF's frame faults again: #PF after #PF -> #DF
        mov $0x20f000, %rbx                     # scratch window: not present
        EXPECT_FAULT 1f
        mov %rbx, %rsp
ud_insn:
        ud2
1:      DONE
