package org.jemu.cpu.decode;

/**
 * Table rows for the instructions on MMX registers: the MMX set, the SSE/SSE2 additions on mm
 * registers (PSHUFW, PINSRW, PEXTRW, PMOVMSKB, MASKMOVQ, MOVNTQ, PADDQ, PSUBQ, PMULUDQ, ...), the
 * moves between XMM and mm, and the conversions CVTPI2PS ... CVTTPD2PI. They are the no-prefix forms
 * of the 0F opcodes whose 66 forms are in {@link SseRows} (SDM Vol. 2, Appendix A, Table A-3); the
 * SSSE3 mm forms are in {@link Sse4Rows}. Every row needs {@code mmx}.
 *
 * <p>The packed operations share their {@link Op} id with the XMM form (PADDB is {@link Op#PADDB} on
 * both); the shape tells them apart ({@code P_Q} against {@code V_W}; {@link Shape#isMmx}). mm
 * registers are numbered 0..7 in {@link Insn#reg} / {@link Insn#rm}: REX.R and REX.B do not extend
 * them. An instruction with an mm operand switches the x87 unit into MMX mode (TOS = 0, all tags
 * valid), except EMMS, which empties the tags (SDM Vol. 1 §9.5.1); CVTPI2PS and CVTPI2PD with a memory
 * source do not touch the x87 state (SDM Vol. 2A, CVTPI2PS).
 */
final class MmxRows {
    private MmxRows() {}

    static final String ROWS = """
        # ---- moves ---------------------------------------------------------------------------------
        NP 0F 6E /r w0    | MOVD Pq,Ed              | MOVD_TO_MM   |  | mmx
        NP 0F 6E /r w1    | MOVQ Pq,Eq              | MOVD_TO_MM   |  | mmx
        NP 0F 7E /r w0    | MOVD Ed,Pq              | MOVD_FROM_MM |  | mmx
        NP 0F 7E /r w1    | MOVQ Eq,Pq              | MOVD_FROM_MM |  | mmx
        NP 0F 6F /r       | MOVQ Pq,Qq              | MOVQ_MM      |  | mmx
        NP 0F 7F /r       | MOVQ Qq,Pq              | MOVQ_MM      |  | mmx
        NP 0F E7 /r mem   | MOVNTQ Mq,Pq            | MOVQ_MM      |  | mmx
        F3 0F D6 /r reg   | MOVQ2DQ Vdq,Nq          |              |  | mmx
        F2 0F D6 /r reg   | MOVDQ2Q Pq,Uq           |              |  | mmx
        NP 0F F7 /r reg   | MASKMOVQ Pq,Nq          |              |  | mmx
        NP 0F D7 /r reg   | PMOVMSKB Gy,Nq          |              |  | mmx
        NP 0F C5 /r reg   | PEXTRW Gd,Nq,Ib         |              |  | mmx
        NP 0F C4 /r       | PINSRW Pq,Ew,Ib         |              |  | mmx
        NP 0F 70 /r       | PSHUFW Pq,Qq,Ib         |              |  | mmx
        NP 0F 77          | EMMS                    |              |  | mmx

        # ---- conversions between XMM and mm (SSE / SSE2) -----------------------------------------
        NP 0F 2A /r       | CVTPI2PS Vps,Qq         |              |  | mmx
        66 0F 2A /r       | CVTPI2PD Vpd,Qq         |              |  | mmx
        NP 0F 2C /r       | CVTTPS2PI Pq,Wq         |              |  | mmx
        66 0F 2C /r       | CVTTPD2PI Pq,Wpd        |              |  | mmx
        NP 0F 2D /r       | CVTPS2PI Pq,Wq          |              |  | mmx
        66 0F 2D /r       | CVTPD2PI Pq,Wpd         |              |  | mmx

        # ---- packed integer (0F 60-76, D1-FE) --------------------------------------------------------
        NP 0F 60 /r       | PUNPCKLBW Pq,Qd         |              |  | mmx
        NP 0F 61 /r       | PUNPCKLWD Pq,Qd         |              |  | mmx
        NP 0F 62 /r       | PUNPCKLDQ Pq,Qd         |              |  | mmx
        NP 0F 63 /r       | PACKSSWB Pq,Qq          |              |  | mmx
        NP 0F 64 /r       | PCMPGTB Pq,Qq           |              |  | mmx
        NP 0F 65 /r       | PCMPGTW Pq,Qq           |              |  | mmx
        NP 0F 66 /r       | PCMPGTD Pq,Qq           |              |  | mmx
        NP 0F 67 /r       | PACKUSWB Pq,Qq          |              |  | mmx
        NP 0F 68 /r       | PUNPCKHBW Pq,Qq         |              |  | mmx
        NP 0F 69 /r       | PUNPCKHWD Pq,Qq         |              |  | mmx
        NP 0F 6A /r       | PUNPCKHDQ Pq,Qq         |              |  | mmx
        NP 0F 6B /r       | PACKSSDW Pq,Qq          |              |  | mmx
        NP 0F 74 /r       | PCMPEQB Pq,Qq           |              |  | mmx
        NP 0F 75 /r       | PCMPEQW Pq,Qq           |              |  | mmx
        NP 0F 76 /r       | PCMPEQD Pq,Qq           |              |  | mmx
        NP 0F 71 /2 reg   | PSRLW Nq,Ib             |              |  | mmx
        NP 0F 71 /4 reg   | PSRAW Nq,Ib             |              |  | mmx
        NP 0F 71 /6 reg   | PSLLW Nq,Ib             |              |  | mmx
        NP 0F 72 /2 reg   | PSRLD Nq,Ib             |              |  | mmx
        NP 0F 72 /4 reg   | PSRAD Nq,Ib             |              |  | mmx
        NP 0F 72 /6 reg   | PSLLD Nq,Ib             |              |  | mmx
        NP 0F 73 /2 reg   | PSRLQ Nq,Ib             |              |  | mmx
        NP 0F 73 /6 reg   | PSLLQ Nq,Ib             |              |  | mmx
        NP 0F D1 /r       | PSRLW Pq,Qq             |              |  | mmx
        NP 0F D2 /r       | PSRLD Pq,Qq             |              |  | mmx
        NP 0F D3 /r       | PSRLQ Pq,Qq             |              |  | mmx
        NP 0F D4 /r       | PADDQ Pq,Qq             |              |  | mmx
        NP 0F D5 /r       | PMULLW Pq,Qq            |              |  | mmx
        NP 0F D8 /r       | PSUBUSB Pq,Qq           |              |  | mmx
        NP 0F D9 /r       | PSUBUSW Pq,Qq           |              |  | mmx
        NP 0F DA /r       | PMINUB Pq,Qq            |              |  | mmx
        NP 0F DB /r       | PAND Pq,Qq              |              |  | mmx
        NP 0F DC /r       | PADDUSB Pq,Qq           |              |  | mmx
        NP 0F DD /r       | PADDUSW Pq,Qq           |              |  | mmx
        NP 0F DE /r       | PMAXUB Pq,Qq            |              |  | mmx
        NP 0F DF /r       | PANDN Pq,Qq             |              |  | mmx
        NP 0F E0 /r       | PAVGB Pq,Qq             |              |  | mmx
        NP 0F E1 /r       | PSRAW Pq,Qq             |              |  | mmx
        NP 0F E2 /r       | PSRAD Pq,Qq             |              |  | mmx
        NP 0F E3 /r       | PAVGW Pq,Qq             |              |  | mmx
        NP 0F E4 /r       | PMULHUW Pq,Qq           |              |  | mmx
        NP 0F E5 /r       | PMULHW Pq,Qq            |              |  | mmx
        NP 0F E8 /r       | PSUBSB Pq,Qq            |              |  | mmx
        NP 0F E9 /r       | PSUBSW Pq,Qq            |              |  | mmx
        NP 0F EA /r       | PMINSW Pq,Qq            |              |  | mmx
        NP 0F EB /r       | POR Pq,Qq               |              |  | mmx
        NP 0F EC /r       | PADDSB Pq,Qq            |              |  | mmx
        NP 0F ED /r       | PADDSW Pq,Qq            |              |  | mmx
        NP 0F EE /r       | PMAXSW Pq,Qq            |              |  | mmx
        NP 0F EF /r       | PXOR Pq,Qq              |              |  | mmx
        NP 0F F1 /r       | PSLLW Pq,Qq             |              |  | mmx
        NP 0F F2 /r       | PSLLD Pq,Qq             |              |  | mmx
        NP 0F F3 /r       | PSLLQ Pq,Qq             |              |  | mmx
        NP 0F F4 /r       | PMULUDQ Pq,Qq           |              |  | mmx
        NP 0F F5 /r       | PMADDWD Pq,Qq           |              |  | mmx
        NP 0F F6 /r       | PSADBW Pq,Qq            |              |  | mmx
        NP 0F F8 /r       | PSUBB Pq,Qq             |              |  | mmx
        NP 0F F9 /r       | PSUBW Pq,Qq             |              |  | mmx
        NP 0F FA /r       | PSUBD Pq,Qq             |              |  | mmx
        NP 0F FB /r       | PSUBQ Pq,Qq             |              |  | mmx
        NP 0F FC /r       | PADDB Pq,Qq             |              |  | mmx
        NP 0F FD /r       | PADDW Pq,Qq             |              |  | mmx
        NP 0F FE /r       | PADDD Pq,Qq             |              |  | mmx
        """;
}
