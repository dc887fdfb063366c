package org.jemu.cpu.decode;

/**
 * Table rows for SSSE3, SSE4.1 and SSE4.2: the 0F 38 and 0F 3A maps with the 66 prefix (SDM Vol. 2,
 * Appendix A.3, Tables ). The SSSE3 forms on MMX registers (no prefix) need both
 * {@code ssse3} and {@code mmx}. CRC32 and POPCNT, also SSE4.2-era, are in {@link IntegerRows}.
 *
 * <p>Register forms that name a general register but move a byte or word (PEXTRB, PEXTRW, PINSRB)
 * are separate rows from their memory forms: the register is a whole 32-bit register (zero-extended
 * on write, low bits read; REX.W changes nothing, SDM Vol. 2B PEXTRB/PINSRB), while memory is a byte
 * or word, so {@link Insn#opSize} is right for each.
 */
final class Sse4Rows {
    private Sse4Rows() {}

    static final String ROWS = """
        # ---- SSSE3 (0F 38 00-0B, 1C-1E; 0F 3A 0F) -----------------------------------------------------
        66 0F 38 00 /r | PSHUFB Vdq,Wdq     |  |  | ssse3
        NP 0F 38 00 /r | PSHUFB Pq,Qq       |  |  | ssse3 mmx
        66 0F 38 01 /r | PHADDW Vdq,Wdq     |  |  | ssse3
        NP 0F 38 01 /r | PHADDW Pq,Qq       |  |  | ssse3 mmx
        66 0F 38 02 /r | PHADDD Vdq,Wdq     |  |  | ssse3
        NP 0F 38 02 /r | PHADDD Pq,Qq       |  |  | ssse3 mmx
        66 0F 38 03 /r | PHADDSW Vdq,Wdq    |  |  | ssse3
        NP 0F 38 03 /r | PHADDSW Pq,Qq      |  |  | ssse3 mmx
        66 0F 38 04 /r | PMADDUBSW Vdq,Wdq  |  |  | ssse3
        NP 0F 38 04 /r | PMADDUBSW Pq,Qq    |  |  | ssse3 mmx
        66 0F 38 05 /r | PHSUBW Vdq,Wdq     |  |  | ssse3
        NP 0F 38 05 /r | PHSUBW Pq,Qq       |  |  | ssse3 mmx
        66 0F 38 06 /r | PHSUBD Vdq,Wdq     |  |  | ssse3
        NP 0F 38 06 /r | PHSUBD Pq,Qq       |  |  | ssse3 mmx
        66 0F 38 07 /r | PHSUBSW Vdq,Wdq    |  |  | ssse3
        NP 0F 38 07 /r | PHSUBSW Pq,Qq      |  |  | ssse3 mmx
        66 0F 38 08 /r | PSIGNB Vdq,Wdq     |  |  | ssse3
        NP 0F 38 08 /r | PSIGNB Pq,Qq       |  |  | ssse3 mmx
        66 0F 38 09 /r | PSIGNW Vdq,Wdq     |  |  | ssse3
        NP 0F 38 09 /r | PSIGNW Pq,Qq       |  |  | ssse3 mmx
        66 0F 38 0A /r | PSIGND Vdq,Wdq     |  |  | ssse3
        NP 0F 38 0A /r | PSIGND Pq,Qq       |  |  | ssse3 mmx
        66 0F 38 0B /r | PMULHRSW Vdq,Wdq   |  |  | ssse3
        NP 0F 38 0B /r | PMULHRSW Pq,Qq     |  |  | ssse3 mmx
        66 0F 38 1C /r | PABSB Vdq,Wdq      |  |  | ssse3
        NP 0F 38 1C /r | PABSB Pq,Qq        |  |  | ssse3 mmx
        66 0F 38 1D /r | PABSW Vdq,Wdq      |  |  | ssse3
        NP 0F 38 1D /r | PABSW Pq,Qq        |  |  | ssse3 mmx
        66 0F 38 1E /r | PABSD Vdq,Wdq      |  |  | ssse3
        NP 0F 38 1E /r | PABSD Pq,Qq        |  |  | ssse3 mmx
        66 0F 3A 0F /r | PALIGNR Vdq,Wdq,Ib |  |  | ssse3
        NP 0F 3A 0F /r | PALIGNR Pq,Qq,Ib   |  |  | ssse3 mmx

        # ---- SSE4.1, 0F 38 ---------------------------------------------------------------------------
        # The variable blends take their mask from XMM0 (SDM Vol. 2B, PBLENDVB).
        66 0F 38 10 /r | PBLENDVB Vdq,Wdq,XMM0 |  |  | sse41
        66 0F 38 14 /r | BLENDVPS Vps,Wps,XMM0 |  |  | sse41
        66 0F 38 15 /r | BLENDVPD Vpd,Wpd,XMM0 |  |  | sse41
        # PTEST: ZF and CF from the AND / ANDN tests, AF OF PF SF cleared (SDM Vol. 2B, PTEST).
        66 0F 38 17 /r | PTEST Vdq,Wdq      |  | w=oszapc | sse41
        66 0F 38 20 /r | PMOVSXBW Vdq,Wq   |  |  | sse41
        66 0F 38 21 /r | PMOVSXBD Vdq,Wd   |  |  | sse41
        66 0F 38 22 /r | PMOVSXBQ Vdq,Ww   |  |  | sse41
        66 0F 38 23 /r | PMOVSXWD Vdq,Wq   |  |  | sse41
        66 0F 38 24 /r | PMOVSXWQ Vdq,Wd   |  |  | sse41
        66 0F 38 25 /r | PMOVSXDQ Vdq,Wq   |  |  | sse41
        66 0F 38 28 /r | PMULDQ Vdq,Wdq    |  |  | sse41
        66 0F 38 29 /r | PCMPEQQ Vdq,Wdq   |  |  | sse41
        # MOVNTDQA is an aligned 16-byte load (the non-temporal hint is only a hint).
        66 0F 38 2A /r mem | MOVNTDQA Vdq,Mdq | MOVAPS |  | sse41
        66 0F 38 2B /r | PACKUSDW Vdq,Wdq  |  |  | sse41
        66 0F 38 30 /r | PMOVZXBW Vdq,Wq   |  |  | sse41
        66 0F 38 31 /r | PMOVZXBD Vdq,Wd   |  |  | sse41
        66 0F 38 32 /r | PMOVZXBQ Vdq,Ww   |  |  | sse41
        66 0F 38 33 /r | PMOVZXWD Vdq,Wq   |  |  | sse41
        66 0F 38 34 /r | PMOVZXWQ Vdq,Wd   |  |  | sse41
        66 0F 38 35 /r | PMOVZXDQ Vdq,Wq   |  |  | sse41
        66 0F 38 37 /r | PCMPGTQ Vdq,Wdq   |  |  | sse42
        66 0F 38 38 /r | PMINSB Vdq,Wdq    |  |  | sse41
        66 0F 38 39 /r | PMINSD Vdq,Wdq    |  |  | sse41
        66 0F 38 3A /r | PMINUW Vdq,Wdq    |  |  | sse41
        66 0F 38 3B /r | PMINUD Vdq,Wdq    |  |  | sse41
        66 0F 38 3C /r | PMAXSB Vdq,Wdq    |  |  | sse41
        66 0F 38 3D /r | PMAXSD Vdq,Wdq    |  |  | sse41
        66 0F 38 3E /r | PMAXUW Vdq,Wdq    |  |  | sse41
        66 0F 38 3F /r | PMAXUD Vdq,Wdq    |  |  | sse41
        66 0F 38 40 /r | PMULLD Vdq,Wdq    |  |  | sse41
        66 0F 38 41 /r | PHMINPOSUW Vdq,Wdq |  |  | sse41

        # ---- SSE4.1, 0F 3A ---------------------------------------------------------------------------
        66 0F 3A 08 /r | ROUNDPS Vps,Wps,Ib |  |  | sse41
        66 0F 3A 09 /r | ROUNDPD Vpd,Wpd,Ib |  |  | sse41
        66 0F 3A 0A /r | ROUNDSS Vss,Wss,Ib |  |  | sse41
        66 0F 3A 0B /r | ROUNDSD Vsd,Wsd,Ib |  |  | sse41
        66 0F 3A 0C /r | BLENDPS Vps,Wps,Ib |  |  | sse41
        66 0F 3A 0D /r | BLENDPD Vpd,Wpd,Ib |  |  | sse41
        66 0F 3A 0E /r | PBLENDW Vdq,Wdq,Ib |  |  | sse41
        66 0F 3A 14 /r reg | PEXTRB Rd,Vdq,Ib |  |  | sse41
        66 0F 3A 14 /r mem | PEXTRB Mb,Vdq,Ib |  |  | sse41
        # 66 0F 3A 15 moves the other way from 66 0F C5 (xmm in reg, destination in r/m): its own op.
        66 0F 3A 15 /r reg | PEXTRW Rd,Vdq,Ib | PEXTRW_E |  | sse41
        66 0F 3A 15 /r mem | PEXTRW Mw,Vdq,Ib | PEXTRW_E |  | sse41
        66 0F 3A 16 /r w0  | PEXTRD Ed,Vdq,Ib |  |  | sse41
        66 0F 3A 16 /r w1  | PEXTRQ Eq,Vdq,Ib | PEXTRD |  | sse41
        66 0F 3A 17 /r     | EXTRACTPS Ed,Vdq,Ib |  |  | sse41
        66 0F 3A 20 /r reg | PINSRB Vdq,Rd,Ib |  |  | sse41
        66 0F 3A 20 /r mem | PINSRB Vdq,Mb,Ib |  |  | sse41
        # INSERTPS: a register source element is chosen by imm8[7:6]; memory is one dword.
        66 0F 3A 21 /r     | INSERTPS Vdq,Wd,Ib |  |  | sse41
        66 0F 3A 22 /r w0  | PINSRD Vdq,Ed,Ib |  |  | sse41
        66 0F 3A 22 /r w1  | PINSRQ Vdq,Eq,Ib | PINSRD |  | sse41
        66 0F 3A 40 /r | DPPS Vps,Wps,Ib    |  |  | sse41
        66 0F 3A 41 /r | DPPD Vpd,Wpd,Ib    |  |  | sse41
        66 0F 3A 42 /r | MPSADBW Vdq,Wdq,Ib |  |  | sse41

        # ---- SSE4.2 string compares (0F 3A 60-63) ----------------------------------------------------
        # Explicit-length forms read the lengths from EAX/EDX, or RAX/RDX with REX.W (objdump then
        # writes a q suffix); the I forms write the index to ECX, the M forms the mask to XMM0. CF ZF SF
        # OF are defined, AF and PF cleared (SDM Vol. 2B, PCMPESTRI; Vol. 1 §12.1.4).
        66 0F 3A 60 /r w0 | PCMPESTRM Vdq,Wdq,Ib  |           | w=oszapc | sse42
        66 0F 3A 60 /r w1 | PCMPESTRMQ Vdq,Wdq,Ib | PCMPESTRM | w=oszapc | sse42
        66 0F 3A 61 /r w0 | PCMPESTRI Vdq,Wdq,Ib  |           | w=oszapc | sse42
        66 0F 3A 61 /r w1 | PCMPESTRIQ Vdq,Wdq,Ib | PCMPESTRI | w=oszapc | sse42
        66 0F 3A 62 /r    | PCMPISTRM Vdq,Wdq,Ib  |           | w=oszapc | sse42
        66 0F 3A 63 /r    | PCMPISTRI Vdq,Wdq,Ib  |           | w=oszapc | sse42
        """;
}
