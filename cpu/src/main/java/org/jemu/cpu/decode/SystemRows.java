package org.jemu.cpu.decode;

/**
 * Table rows for privileged and system instructions (descriptor tables, control and debug registers,
 * MSRs, port I/O, interrupts flag, cache control). They decode in every privilege level; the checks
 * of CPL and IOPL belong to the semantics (SDM Vol. 3A, Chapter 5.9 "Privileged Instructions").
 */
final class SystemRows {
    private SystemRows() {}

    static final String ROWS = """
        F4           | HLT            |        |                  | end
        FA           | CLI            |        | w=i              |
        FB           | STI            |        | w=i              | end
        E4           | IN AL,Ib       |        |                  |
        E5           | IN eAX,Ib      |        |                  |
        E6           | OUT Ib,AL      |        |                  |
        E7           | OUT Ib,eAX     |        |                  |
        EC           | IN AL,DX       |        |                  |
        ED           | IN eAX,DX      |        |                  |
        EE           | OUT DX,AL      |        |                  |
        EF           | OUT DX,eAX     |        |                  |
        0F 06        | CLTS           |        |                  | end
        0F 08        | INVD           |        |                  |
        0F 09        | WBINVD         |        |                  |
        0F 30        | WRMSR          |        |                  | end
        0F 32        | RDMSR          |        |                  |
        0F 33        | RDPMC          |        |                  |
        0F AA        | RSM            |        | w=all            | end
        # MOV to/from control and debug registers ignore ModRM.mod: the operand is always the
        # register named by r/m (SDM Vol. 2B, MOV Control Registers).
        0F 20 /r anymod | MOV Rq,Cq   | MOV_FROM_CR |             | f64
        0F 22 /r anymod | MOV Cq,Rq   | MOV_TO_CR |               | f64 end
        0F 21 /r anymod | MOV Rq,Dq   | MOV_FROM_DR |             | f64
        0F 23 /r anymod | MOV Dq,Rq   | MOV_TO_DR |               | f64 end
        0F 00 /0     | SLDT Ew        |        |                  |
        0F 00 /1     | STR Ew         |        |                  |
        0F 00 /2     | LLDT Ew        |        |                  | end
        0F 00 /3     | LTR Ew         |        |                  | end
        0F 00 /4     | VERR Ew        |        | w=z              |
        0F 00 /5     | VERW Ew        |        | w=z              |
        0F 01 /0 mem | SGDT M         |        |                  |
        0F 01 /1 mem | SIDT M         |        |                  |
        0F 01 /2 mem | LGDT M         |        |                  | end
        0F 01 /3 mem | LIDT M         |        |                  | end
        0F 01 /4     | SMSW Ew        |        |                  |
        0F 01 /6     | LMSW Ew        |        |                  | end
        0F 01 /7 mem | INVLPG Mb      |        |                  | end
        0F 01 C8     | MONITOR        |        |                  |
        0F 01 C9     | MWAIT          |        |                  | end
        0F 01 CA     | CLAC           |        | w=AC             | smap
        0F 01 CB     | STAC           |        | w=AC             | smap
        0F 01 D0     | XGETBV         |        |                  | xsave
        0F 01 D1     | XSETBV         |        |                  | xsave end
        0F 01 F8     | SWAPGS         |        |                  |
        0F 02 /r     | LAR Gv,Ew      |        | w=z              |
        0F 03 /r     | LSL Gv,Ew      |        | w=z              |
        0F B2 /r mem | LSS Gv,Mp      | LFAR   |                  |
        0F B4 /r mem | LFS Gv,Mp      | LFAR   |                  |
        0F B5 /r mem | LGS Gv,Mp      | LFAR   |                  |
        # Group 15 (0F AE): state save/restore, MXCSR, fences, CLFLUSH (SDM Vol. 2, Table A-6).
        NP 0F AE /0 mem w0 | FXSAVE M  |        |                  |
        NP 0F AE /0 mem w1 | FXSAVE64 M | FXSAVE |                |
        NP 0F AE /1 mem w0 | FXRSTOR M |        |                  |
        NP 0F AE /1 mem w1 | FXRSTOR64 M | FXRSTOR |              |
        NP 0F AE /2 mem | LDMXCSR Md  |        |                  |
        NP 0F AE /3 mem | STMXCSR Md  |        |                  |
        NP 0F AE /4 mem w0 | XSAVE M   |        |                  | xsave
        NP 0F AE /4 mem w1 | XSAVE64 M | XSAVE  |                | xsave
        NP 0F AE /5 mem w0 | XRSTOR M  |        |                  | xsave
        NP 0F AE /5 mem w1 | XRSTOR64 M | XRSTOR |               | xsave
        NP 0F AE /7 mem | CLFLUSH Mb  |        |                  |
        66 0F AE /7 mem | CLFLUSHOPT Mb | CLFLUSH |              | clflushopt
        NP 0F AE /5 reg | LFENCE      |        |                  |
        NP 0F AE /6 reg | MFENCE      |        |                  |
        NP 0F AE /7 reg | SFENCE      |        |                  |
        """;
}
