# Interrupt shadows (SDM Vol. 3A §6.8.3, Vol. 2B STI and MOV): after STI (with IF previously 0)
# and MOV SS (POP SS is invalid in 64-bit mode), an external interrupt is not taken before the next instruction completes; it is
# taken after it. The harness's interrupt source raises INTR after a chosen number of instructions.
# Vectors >= 32 return through isr_common normally; the frame's RIP says where each was taken.
        .include "common.S"
test_main:
        mov $KDATA, %edx
        # 1: INTR pending with IF=0, then STI: taken after the instruction that follows STI
        cli
        ARM_IRQ 0x30, 0                         # raised now, masked by IF=0
        nop
sti_insn:
        sti
sti_next:
        nop
sti_after:
        nop
        # 2: IF=1; INTR raised exactly after MOV SS retires: taken after the next instruction
        ARM_IRQ 0x31, 1
ss_insn:
        mov %dx, %ss
ss_next:
        nop
ss_after:
        nop
        # 3: control: MOV DS has no shadow, so the interrupt is taken right after it
        ARM_IRQ 0x32, 1
ds_insn:
        mov %dx, %ds
ds_next:
        nop
        # 4: STI with IF already 1 sets no shadow (Vol. 2B STI): taken right after it
        ARM_IRQ 0x33, 1
sti2_insn:
        sti
sti2_next:
        nop
        # 5: the idle pattern STI; HLT with an interrupt already pending: the STI shadow covers HLT,
        # so the CPU halts and wakes at once; the frame's RIP is after HLT
        cli
        ARM_IRQ 0x34, 0
        sti
hlt_insn:
        hlt
hlt_after:
        nop
        DONE
