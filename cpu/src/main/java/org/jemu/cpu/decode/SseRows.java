package org.jemu.cpu.decode;

/**
 * Table rows for SSE and SSE2 (the x86-64 baseline) and SSE3, in the 0F map with their mandatory
 * prefixes (SDM Vol. 2, Appendix A.2.5). The forms on MMX registers (mostly the same opcodes without a
 * prefix) are in {@link MmxRows}; SSSE3 and SSE4 (0F 38, 0F 3A) in {@link Sse4Rows}. FISTTP, also
 * SSE3, is an x87 row.
 */
final class SseRows {
    private SseRows() {}

    static final String ROWS = """
        # ---- moves -----------------------------------------------------------------------------------
        NP 0F 10 /r  | MOVUPS Vps,Wps    | MOVUPS   |  |
        66 0F 10 /r  | MOVUPD Vpd,Wpd    | MOVUPS   |  |
        F3 0F 10 /r  | MOVSS Vss,Wss     |          |  |
        F2 0F 10 /r  | MOVSD Vsd,Wsd     |          |  |
        NP 0F 11 /r  | MOVUPS Wps,Vps    | MOVUPS   |  |
        66 0F 11 /r  | MOVUPD Wpd,Vpd    | MOVUPS   |  |
        F3 0F 11 /r  | MOVSS Wss,Vss     |          |  |
        F2 0F 11 /r  | MOVSD Wsd,Vsd     |          |  |
        NP 0F 12 /r reg | MOVHLPS Vq,Uq  |          |  |
        NP 0F 12 /r mem | MOVLPS Vq,Mq   | MOVLPS   |  |
        66 0F 12 /r mem | MOVLPD Vq,Mq   | MOVLPS   |  |
        NP 0F 13 /r mem | MOVLPS Mq,Vq   | MOVLPS   |  |
        66 0F 13 /r mem | MOVLPD Mq,Vq   | MOVLPS   |  |
        NP 0F 16 /r reg | MOVLHPS Vdq,Uq |          |  |
        NP 0F 16 /r mem | MOVHPS Vdq,Mq  | MOVHPS   |  |
        66 0F 16 /r mem | MOVHPD Vdq,Mq  | MOVHPS   |  |
        NP 0F 17 /r mem | MOVHPS Mq,Vdq  | MOVHPS   |  |
        66 0F 17 /r mem | MOVHPD Mq,Vdq  | MOVHPS   |  |
        NP 0F 28 /r  | MOVAPS Vps,Wps    | MOVAPS   |  |
        66 0F 28 /r  | MOVAPD Vpd,Wpd    | MOVAPS   |  |
        NP 0F 29 /r  | MOVAPS Wps,Vps    | MOVAPS   |  |
        66 0F 29 /r  | MOVAPD Wpd,Vpd    | MOVAPS   |  |
        NP 0F 2B /r mem | MOVNTPS Mps,Vps | MOVAPS  |  |
        66 0F 2B /r mem | MOVNTPD Mpd,Vpd | MOVAPS  |  |
        66 0F 6E /r w0 | MOVD Vdq,Ed     | MOVD_TO_XMM |  |
        66 0F 6E /r w1 | MOVQ Vdq,Eq     | MOVD_TO_XMM |  |
        66 0F 7E /r w0 | MOVD Ed,Vdq     | MOVD_FROM_XMM |  |
        66 0F 7E /r w1 | MOVQ Eq,Vdq     | MOVD_FROM_XMM |  |
        F3 0F 7E /r  | MOVQ Vdq,Wq       | MOVQ_TO_XMM |  |
        66 0F D6 /r  | MOVQ Wq,Vdq       | MOVQ_FROM_XMM |  |
        66 0F 6F /r  | MOVDQA Vdq,Wdq    | MOVAPS   |  |
        F3 0F 6F /r  | MOVDQU Vdq,Wdq    | MOVUPS   |  |
        66 0F 7F /r  | MOVDQA Wdq,Vdq    | MOVAPS   |  |
        F3 0F 7F /r  | MOVDQU Wdq,Vdq    | MOVUPS   |  |
        66 0F E7 /r mem | MOVNTDQ Mdq,Vdq | MOVAPS  |  |
        NP 0F C3 /r mem | MOVNTI My,Gy   |          |  |
        66 0F F7 /r reg | MASKMOVDQU Vdq,Udq |      |  |
        NP 0F 50 /r reg | MOVMSKPS Gy,Ups |        |  |
        66 0F 50 /r reg | MOVMSKPD Gy,Upd |        |  |
        66 0F D7 /r reg | PMOVMSKB Gy,Udq |        |  |
        66 0F C5 /r reg | PEXTRW Gd,Udq,Ib |       |  |
        66 0F C4 /r  | PINSRW Vdq,Ew,Ib  |          |  |
        F2 0F F0 /r mem | LDDQU Vdq,M    | MOVUPS   |  | sse3
        F2 0F 12 /r  | MOVDDUP Vdq,Wq    |          |  | sse3
        F3 0F 12 /r  | MOVSLDUP Vps,Wps  |          |  | sse3
        F3 0F 16 /r  | MOVSHDUP Vps,Wps  |          |  | sse3

        # ---- floating-point arithmetic -------------------------------------------------------------
        NP 0F 58 /r  | ADDPS Vps,Wps     |  |  |
        66 0F 58 /r  | ADDPD Vpd,Wpd     |  |  |
        F3 0F 58 /r  | ADDSS Vss,Wss     |  |  |
        F2 0F 58 /r  | ADDSD Vsd,Wsd     |  |  |
        NP 0F 59 /r  | MULPS Vps,Wps     |  |  |
        66 0F 59 /r  | MULPD Vpd,Wpd     |  |  |
        F3 0F 59 /r  | MULSS Vss,Wss     |  |  |
        F2 0F 59 /r  | MULSD Vsd,Wsd     |  |  |
        NP 0F 5C /r  | SUBPS Vps,Wps     |  |  |
        66 0F 5C /r  | SUBPD Vpd,Wpd     |  |  |
        F3 0F 5C /r  | SUBSS Vss,Wss     |  |  |
        F2 0F 5C /r  | SUBSD Vsd,Wsd     |  |  |
        NP 0F 5D /r  | MINPS Vps,Wps     |  |  |
        66 0F 5D /r  | MINPD Vpd,Wpd     |  |  |
        F3 0F 5D /r  | MINSS Vss,Wss     |  |  |
        F2 0F 5D /r  | MINSD Vsd,Wsd     |  |  |
        NP 0F 5E /r  | DIVPS Vps,Wps     |  |  |
        66 0F 5E /r  | DIVPD Vpd,Wpd     |  |  |
        F3 0F 5E /r  | DIVSS Vss,Wss     |  |  |
        F2 0F 5E /r  | DIVSD Vsd,Wsd     |  |  |
        NP 0F 5F /r  | MAXPS Vps,Wps     |  |  |
        66 0F 5F /r  | MAXPD Vpd,Wpd     |  |  |
        F3 0F 5F /r  | MAXSS Vss,Wss     |  |  |
        F2 0F 5F /r  | MAXSD Vsd,Wsd     |  |  |
        NP 0F 51 /r  | SQRTPS Vps,Wps    |  |  |
        66 0F 51 /r  | SQRTPD Vpd,Wpd    |  |  |
        F3 0F 51 /r  | SQRTSS Vss,Wss    |  |  |
        F2 0F 51 /r  | SQRTSD Vsd,Wsd    |  |  |
        NP 0F 52 /r  | RSQRTPS Vps,Wps   |  |  |
        F3 0F 52 /r  | RSQRTSS Vss,Wss   |  |  |
        NP 0F 53 /r  | RCPPS Vps,Wps     |  |  |
        F3 0F 53 /r  | RCPSS Vss,Wss     |  |  |
        66 0F D0 /r  | ADDSUBPD Vpd,Wpd  |  |  | sse3
        F2 0F D0 /r  | ADDSUBPS Vps,Wps  |  |  | sse3
        66 0F 7C /r  | HADDPD Vpd,Wpd    |  |  | sse3
        F2 0F 7C /r  | HADDPS Vps,Wps    |  |  | sse3
        66 0F 7D /r  | HSUBPD Vpd,Wpd    |  |  | sse3
        F2 0F 7D /r  | HSUBPS Vps,Wps    |  |  | sse3

        # ---- logic, compare, shuffle ---------------------------------------------------------------
        NP 0F 54 /r  | ANDPS Vps,Wps     | PAND   |  |
        66 0F 54 /r  | ANDPD Vpd,Wpd     | PAND   |  |
        NP 0F 55 /r  | ANDNPS Vps,Wps    | PANDN  |  |
        66 0F 55 /r  | ANDNPD Vpd,Wpd    | PANDN  |  |
        NP 0F 56 /r  | ORPS Vps,Wps      | POR    |  |
        66 0F 56 /r  | ORPD Vpd,Wpd      | POR    |  |
        NP 0F 57 /r  | XORPS Vps,Wps     | PXOR   |  |
        66 0F 57 /r  | XORPD Vpd,Wpd     | PXOR   |  |
        NP 0F C2 /r  | CMPPS Vps,Wps,Ib  |  |  |
        66 0F C2 /r  | CMPPD Vpd,Wpd,Ib  |  |  |
        F3 0F C2 /r  | CMPSS Vss,Wss,Ib  |  |  |
        F2 0F C2 /r  | CMPSD Vsd,Wsd,Ib  |  |  |
        NP 0F 2E /r  | UCOMISS Vss,Wss   |  | w=oszapc |
        66 0F 2E /r  | UCOMISD Vsd,Wsd   |  | w=oszapc |
        NP 0F 2F /r  | COMISS Vss,Wss    |  | w=oszapc |
        66 0F 2F /r  | COMISD Vsd,Wsd    |  | w=oszapc |
        NP 0F C6 /r  | SHUFPS Vps,Wps,Ib |  |  |
        66 0F C6 /r  | SHUFPD Vpd,Wpd,Ib |  |  |
        NP 0F 14 /r  | UNPCKLPS Vps,Wps  | PUNPCKLDQ |  |
        66 0F 14 /r  | UNPCKLPD Vpd,Wpd  | PUNPCKLQDQ |  |
        NP 0F 15 /r  | UNPCKHPS Vps,Wps  | PUNPCKHDQ |  |
        66 0F 15 /r  | UNPCKHPD Vpd,Wpd  | PUNPCKHQDQ |  |

        # ---- conversions ---------------------------------------------------------------------------
        F3 0F 2A /r  | CVTSI2SS Vss,Ey   |  |  |
        F2 0F 2A /r  | CVTSI2SD Vsd,Ey   |  |  |
        F3 0F 2C /r  | CVTTSS2SI Gy,Wss  |  |  |
        F2 0F 2C /r  | CVTTSD2SI Gy,Wsd  |  |  |
        F3 0F 2D /r  | CVTSS2SI Gy,Wss   |  |  |
        F2 0F 2D /r  | CVTSD2SI Gy,Wsd   |  |  |
        NP 0F 5A /r  | CVTPS2PD Vpd,Wq   |  |  |
        66 0F 5A /r  | CVTPD2PS Vps,Wpd  |  |  |
        F3 0F 5A /r  | CVTSS2SD Vsd,Wss  |  |  |
        F2 0F 5A /r  | CVTSD2SS Vss,Wsd  |  |  |
        NP 0F 5B /r  | CVTDQ2PS Vps,Wdq  |  |  |
        66 0F 5B /r  | CVTPS2DQ Vdq,Wps  |  |  |
        F3 0F 5B /r  | CVTTPS2DQ Vdq,Wps |  |  |
        66 0F E6 /r  | CVTTPD2DQ Vdq,Wpd |  |  |
        F3 0F E6 /r  | CVTDQ2PD Vpd,Wq   |  |  |
        F2 0F E6 /r  | CVTPD2DQ Vdq,Wpd  |  |  |

        # ---- packed integer ------------------------------------------------------------------------
        66 0F 60 /r  | PUNPCKLBW Vdq,Wdq  |  |  |
        66 0F 61 /r  | PUNPCKLWD Vdq,Wdq  |  |  |
        66 0F 62 /r  | PUNPCKLDQ Vdq,Wdq  |  |  |
        66 0F 63 /r  | PACKSSWB Vdq,Wdq   |  |  |
        66 0F 64 /r  | PCMPGTB Vdq,Wdq    |  |  |
        66 0F 65 /r  | PCMPGTW Vdq,Wdq    |  |  |
        66 0F 66 /r  | PCMPGTD Vdq,Wdq    |  |  |
        66 0F 67 /r  | PACKUSWB Vdq,Wdq   |  |  |
        66 0F 68 /r  | PUNPCKHBW Vdq,Wdq  |  |  |
        66 0F 69 /r  | PUNPCKHWD Vdq,Wdq  |  |  |
        66 0F 6A /r  | PUNPCKHDQ Vdq,Wdq  |  |  |
        66 0F 6B /r  | PACKSSDW Vdq,Wdq   |  |  |
        66 0F 6C /r  | PUNPCKLQDQ Vdq,Wdq |  |  |
        66 0F 6D /r  | PUNPCKHQDQ Vdq,Wdq |  |  |
        66 0F 70 /r  | PSHUFD Vdq,Wdq,Ib  |  |  |
        F3 0F 70 /r  | PSHUFHW Vdq,Wdq,Ib |  |  |
        F2 0F 70 /r  | PSHUFLW Vdq,Wdq,Ib |  |  |
        66 0F 71 /2 reg | PSRLW Udq,Ib    |  |  |
        66 0F 71 /4 reg | PSRAW Udq,Ib    |  |  |
        66 0F 71 /6 reg | PSLLW Udq,Ib    |  |  |
        66 0F 72 /2 reg | PSRLD Udq,Ib    |  |  |
        66 0F 72 /4 reg | PSRAD Udq,Ib    |  |  |
        66 0F 72 /6 reg | PSLLD Udq,Ib    |  |  |
        66 0F 73 /2 reg | PSRLQ Udq,Ib    |  |  |
        66 0F 73 /3 reg | PSRLDQ Udq,Ib   |  |  |
        66 0F 73 /6 reg | PSLLQ Udq,Ib    |  |  |
        66 0F 73 /7 reg | PSLLDQ Udq,Ib   |  |  |
        66 0F 74 /r  | PCMPEQB Vdq,Wdq    |  |  |
        66 0F 75 /r  | PCMPEQW Vdq,Wdq    |  |  |
        66 0F 76 /r  | PCMPEQD Vdq,Wdq    |  |  |
        66 0F D1 /r  | PSRLW Vdq,Wdq      |  |  |
        66 0F D2 /r  | PSRLD Vdq,Wdq      |  |  |
        66 0F D3 /r  | PSRLQ Vdq,Wdq      |  |  |
        66 0F D4 /r  | PADDQ Vdq,Wdq      |  |  |
        66 0F D5 /r  | PMULLW Vdq,Wdq     |  |  |
        66 0F D8 /r  | PSUBUSB Vdq,Wdq    |  |  |
        66 0F D9 /r  | PSUBUSW Vdq,Wdq    |  |  |
        66 0F DA /r  | PMINUB Vdq,Wdq     |  |  |
        66 0F DB /r  | PAND Vdq,Wdq       |  |  |
        66 0F DC /r  | PADDUSB Vdq,Wdq    |  |  |
        66 0F DD /r  | PADDUSW Vdq,Wdq    |  |  |
        66 0F DE /r  | PMAXUB Vdq,Wdq     |  |  |
        66 0F DF /r  | PANDN Vdq,Wdq      |  |  |
        66 0F E0 /r  | PAVGB Vdq,Wdq      |  |  |
        66 0F E1 /r  | PSRAW Vdq,Wdq      |  |  |
        66 0F E2 /r  | PSRAD Vdq,Wdq      |  |  |
        66 0F E3 /r  | PAVGW Vdq,Wdq      |  |  |
        66 0F E4 /r  | PMULHUW Vdq,Wdq    |  |  |
        66 0F E5 /r  | PMULHW Vdq,Wdq     |  |  |
        66 0F E8 /r  | PSUBSB Vdq,Wdq     |  |  |
        66 0F E9 /r  | PSUBSW Vdq,Wdq     |  |  |
        66 0F EA /r  | PMINSW Vdq,Wdq     |  |  |
        66 0F EB /r  | POR Vdq,Wdq        |  |  |
        66 0F EC /r  | PADDSB Vdq,Wdq     |  |  |
        66 0F ED /r  | PADDSW Vdq,Wdq     |  |  |
        66 0F EE /r  | PMAXSW Vdq,Wdq     |  |  |
        66 0F EF /r  | PXOR Vdq,Wdq       |  |  |
        66 0F F1 /r  | PSLLW Vdq,Wdq      |  |  |
        66 0F F2 /r  | PSLLD Vdq,Wdq      |  |  |
        66 0F F3 /r  | PSLLQ Vdq,Wdq      |  |  |
        66 0F F4 /r  | PMULUDQ Vdq,Wdq    |  |  |
        66 0F F5 /r  | PMADDWD Vdq,Wdq    |  |  |
        66 0F F6 /r  | PSADBW Vdq,Wdq     |  |  |
        66 0F F8 /r  | PSUBB Vdq,Wdq      |  |  |
        66 0F F9 /r  | PSUBW Vdq,Wdq      |  |  |
        66 0F FA /r  | PSUBD Vdq,Wdq      |  |  |
        66 0F FB /r  | PSUBQ Vdq,Wdq      |  |  |
        66 0F FC /r  | PADDB Vdq,Wdq      |  |  |
        66 0F FD /r  | PADDW Vdq,Wdq      |  |  |
        66 0F FE /r  | PADDD Vdq,Wdq      |  |  |
        """;
}
