package org.jemu.cpu.decode;

/**
 * Table rows for the x87 escape opcodes D8-DF (SDM Vol. 2, Appendix A.4). All decode to the one
 * operation {@link Op#X87}; the floating-point unit dispatches on {@link Insn#opcode} and
 * {@link Insn#modrm}. Memory operand sizes: Md/Mq 32/64-bit (real or integer by opcode), Mw 16-bit,
 * Mt 80-bit, M an environment or state image. FISTTP came with SSE3 (CPUID.01H:ECX bit 0) and decodes
 * only with {@code sse3}; without it DB/DD/DF /1 are #UD, as on a CPU without SSE3.
 */
final class X87Rows {
    private X87Rows() {}

    static final String ROWS = """
        D8 /0 mem | FADD Md    | X87 |  |
        D8 /1 mem | FMUL Md    | X87 |  |
        D8 /2 mem | FCOM Md    | X87 |  |
        D8 /3 mem | FCOMP Md   | X87 |  |
        D8 /4 mem | FSUB Md    | X87 |  |
        D8 /5 mem | FSUBR Md   | X87 |  |
        D8 /6 mem | FDIV Md    | X87 |  |
        D8 /7 mem | FDIVR Md   | X87 |  |
        D8 /0 reg | FADD ST,STi  | X87 |  |
        D8 /1 reg | FMUL ST,STi  | X87 |  |
        D8 /2 reg | FCOM STi     | X87 |  |
        D8 /3 reg | FCOMP STi    | X87 |  |
        D8 /4 reg | FSUB ST,STi  | X87 |  |
        D8 /5 reg | FSUBR ST,STi | X87 |  |
        D8 /6 reg | FDIV ST,STi  | X87 |  |
        D8 /7 reg | FDIVR ST,STi | X87 |  |
        D9 /0 mem | FLD Md     | X87 |  |
        D9 /2 mem | FST Md     | X87 |  |
        D9 /3 mem | FSTP Md    | X87 |  |
        D9 /4 mem | FLDENV M   | X87 |  |
        D9 /5 mem | FLDCW Mw   | X87 |  |
        D9 /6 mem | FNSTENV M  | X87 |  |
        D9 /7 mem | FNSTCW Mw  | X87 |  |
        D9 /0 reg | FLD STi    | X87 |  |
        D9 /1 reg | FXCH STi   | X87 |  |
        D9 D0     | FNOP       | X87 |  |
        D9 E0     | FCHS       | X87 |  |
        D9 E1     | FABS       | X87 |  |
        D9 E4     | FTST       | X87 |  |
        D9 E5     | FXAM       | X87 |  |
        D9 E8     | FLD1       | X87 |  |
        D9 E9     | FLDL2T     | X87 |  |
        D9 EA     | FLDL2E     | X87 |  |
        D9 EB     | FLDPI      | X87 |  |
        D9 EC     | FLDLG2     | X87 |  |
        D9 ED     | FLDLN2     | X87 |  |
        D9 EE     | FLDZ       | X87 |  |
        D9 F0     | F2XM1      | X87 |  |
        D9 F1     | FYL2X      | X87 |  |
        D9 F2     | FPTAN      | X87 |  |
        D9 F3     | FPATAN     | X87 |  |
        D9 F4     | FXTRACT    | X87 |  |
        D9 F5     | FPREM1     | X87 |  |
        D9 F6     | FDECSTP    | X87 |  |
        D9 F7     | FINCSTP    | X87 |  |
        D9 F8     | FPREM      | X87 |  |
        D9 F9     | FYL2XP1    | X87 |  |
        D9 FA     | FSQRT      | X87 |  |
        D9 FB     | FSINCOS    | X87 |  |
        D9 FC     | FRNDINT    | X87 |  |
        D9 FD     | FSCALE     | X87 |  |
        D9 FE     | FSIN       | X87 |  |
        D9 FF     | FCOS       | X87 |  |
        DA /0 mem | FIADD Md   | X87 |  |
        DA /1 mem | FIMUL Md   | X87 |  |
        DA /2 mem | FICOM Md   | X87 |  |
        DA /3 mem | FICOMP Md  | X87 |  |
        DA /4 mem | FISUB Md   | X87 |  |
        DA /5 mem | FISUBR Md  | X87 |  |
        DA /6 mem | FIDIV Md   | X87 |  |
        DA /7 mem | FIDIVR Md  | X87 |  |
        DA /0 reg | FCMOVB ST,STi   | X87 | r=c  |
        DA /1 reg | FCMOVE ST,STi   | X87 | r=z  |
        DA /2 reg | FCMOVBE ST,STi  | X87 | r=cz |
        DA /3 reg | FCMOVU ST,STi   | X87 | r=p  |
        DA E9     | FUCOMPP    | X87 |  |
        DB /0 mem | FILD Md    | X87 |  |
        DB /1 mem | FISTTP Md  | X87 |  | sse3
        DB /2 mem | FIST Md    | X87 |  |
        DB /3 mem | FISTP Md   | X87 |  |
        DB /5 mem | FLD Mt     | X87 |  |
        DB /7 mem | FSTP Mt    | X87 |  |
        DB /0 reg | FCMOVNB ST,STi  | X87 | r=c  |
        DB /1 reg | FCMOVNE ST,STi  | X87 | r=z  |
        DB /2 reg | FCMOVNBE ST,STi | X87 | r=cz |
        DB /3 reg | FCMOVNU ST,STi  | X87 | r=p  |
        DB E0     | FNENI      | X87 |  |
        DB E1     | FNDISI     | X87 |  |
        DB E2     | FNCLEX     | X87 |  |
        DB E4     | FNSETPM    | X87 |  |
        DB E3     | FNINIT     | X87 |  |
        DB /5 reg | FUCOMI ST,STi   | X87 | w=oszapc |
        DB /6 reg | FCOMI ST,STi    | X87 | w=oszapc |
        DC /0 mem | FADD Mq    | X87 |  |
        DC /1 mem | FMUL Mq    | X87 |  |
        DC /2 mem | FCOM Mq    | X87 |  |
        DC /3 mem | FCOMP Mq   | X87 |  |
        DC /4 mem | FSUB Mq    | X87 |  |
        DC /5 mem | FSUBR Mq   | X87 |  |
        DC /6 mem | FDIV Mq    | X87 |  |
        DC /7 mem | FDIVR Mq   | X87 |  |
        DC /0 reg | FADD STi,ST  | X87 |  |
        DC /1 reg | FMUL STi,ST  | X87 |  |
        DC /4 reg | FSUBR STi,ST | X87 |  |
        DC /5 reg | FSUB STi,ST  | X87 |  |
        DC /6 reg | FDIVR STi,ST | X87 |  |
        DC /7 reg | FDIV STi,ST  | X87 |  |
        DD /0 mem | FLD Mq     | X87 |  |
        DD /1 mem | FISTTP Mq  | X87 |  | sse3
        DD /2 mem | FST Mq     | X87 |  |
        DD /3 mem | FSTP Mq    | X87 |  |
        DD /4 mem | FRSTOR M   | X87 |  |
        DD /6 mem | FNSAVE M   | X87 |  |
        DD /7 mem | FNSTSW Mw  | X87 |  |
        DD /0 reg | FFREE STi  | X87 |  |
        DD /2 reg | FST STi    | X87 |  |
        DD /3 reg | FSTP STi   | X87 |  |
        DD /4 reg | FUCOM STi  | X87 |  |
        DD /5 reg | FUCOMP STi | X87 |  |
        DE /0 mem | FIADD Mw   | X87 |  |
        DE /1 mem | FIMUL Mw   | X87 |  |
        DE /2 mem | FICOM Mw   | X87 |  |
        DE /3 mem | FICOMP Mw  | X87 |  |
        DE /4 mem | FISUB Mw   | X87 |  |
        DE /5 mem | FISUBR Mw  | X87 |  |
        DE /6 mem | FIDIV Mw   | X87 |  |
        DE /7 mem | FIDIVR Mw  | X87 |  |
        DE /0 reg | FADDP STi,ST  | X87 |  |
        DE /1 reg | FMULP STi,ST  | X87 |  |
        DE D9     | FCOMPP        | X87 |  |
        DE /4 reg | FSUBRP STi,ST | X87 |  |
        DE /5 reg | FSUBP STi,ST  | X87 |  |
        DE /6 reg | FDIVRP STi,ST | X87 |  |
        DE /7 reg | FDIVP STi,ST  | X87 |  |
        DF /0 mem | FILD Mw    | X87 |  |
        DF /1 mem | FISTTP Mw  | X87 |  | sse3
        DF /2 mem | FIST Mw    | X87 |  |
        DF /3 mem | FISTP Mw   | X87 |  |
        DF /4 mem | FBLD Mt    | X87 |  |
        DF /5 mem | FILD Mq    | X87 |  |
        DF /6 mem | FBSTP Mt   | X87 |  |
        DF /7 mem | FISTP Mq   | X87 |  |
        DF E0     | FNSTSW AX  | X87 |  |
        DF /0 reg | FFREEP STi | X87 |  |
        DF /5 reg | FUCOMIP ST,STi | X87 | w=oszapc |
        DF /6 reg | FCOMIP ST,STi  | X87 | w=oszapc |
        """;
}
