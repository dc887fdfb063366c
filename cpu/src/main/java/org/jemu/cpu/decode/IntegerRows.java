package org.jemu.cpu.decode;

/**
 * Table rows for the general-purpose integer instructions of 64-bit mode (Intel SDM Vol. 2, Appendix A
 * opcode maps, one-byte and 0F maps). The grammar is in {@code package-info.java}.
 */
final class IntegerRows {
    private IntegerRows() {}

    static final String ROWS = """
        # ---- ALU: ADD OR ADC SBB AND SUB XOR CMP (00-3D, group 1 80/81/83) ----------------------
        00 /r        | ADD Eb,Gb      |        | w=oszapc         | lock
        01 /r        | ADD Ev,Gv      |        | w=oszapc         | lock
        02 /r        | ADD Gb,Eb      |        | w=oszapc         |
        03 /r        | ADD Gv,Ev      |        | w=oszapc         |
        04           | ADD AL,Ib      |        | w=oszapc         |
        05           | ADD rAX,Iz     |        | w=oszapc         |
        08 /r        | OR Eb,Gb       |        | w=oszpc u=a      | lock
        09 /r        | OR Ev,Gv       |        | w=oszpc u=a      | lock
        0A /r        | OR Gb,Eb       |        | w=oszpc u=a      |
        0B /r        | OR Gv,Ev       |        | w=oszpc u=a      |
        0C           | OR AL,Ib       |        | w=oszpc u=a      |
        0D           | OR rAX,Iz      |        | w=oszpc u=a      |
        10 /r        | ADC Eb,Gb      |        | r=c w=oszapc     | lock
        11 /r        | ADC Ev,Gv      |        | r=c w=oszapc     | lock
        12 /r        | ADC Gb,Eb      |        | r=c w=oszapc     |
        13 /r        | ADC Gv,Ev      |        | r=c w=oszapc     |
        14           | ADC AL,Ib      |        | r=c w=oszapc     |
        15           | ADC rAX,Iz     |        | r=c w=oszapc     |
        18 /r        | SBB Eb,Gb      |        | r=c w=oszapc     | lock
        19 /r        | SBB Ev,Gv      |        | r=c w=oszapc     | lock
        1A /r        | SBB Gb,Eb      |        | r=c w=oszapc     |
        1B /r        | SBB Gv,Ev      |        | r=c w=oszapc     |
        1C           | SBB AL,Ib      |        | r=c w=oszapc     |
        1D           | SBB rAX,Iz     |        | r=c w=oszapc     |
        20 /r        | AND Eb,Gb      |        | w=oszpc u=a      | lock
        21 /r        | AND Ev,Gv      |        | w=oszpc u=a      | lock
        22 /r        | AND Gb,Eb      |        | w=oszpc u=a      |
        23 /r        | AND Gv,Ev      |        | w=oszpc u=a      |
        24           | AND AL,Ib      |        | w=oszpc u=a      |
        25           | AND rAX,Iz     |        | w=oszpc u=a      |
        28 /r        | SUB Eb,Gb      |        | w=oszapc         | lock
        29 /r        | SUB Ev,Gv      |        | w=oszapc         | lock
        2A /r        | SUB Gb,Eb      |        | w=oszapc         |
        2B /r        | SUB Gv,Ev      |        | w=oszapc         |
        2C           | SUB AL,Ib      |        | w=oszapc         |
        2D           | SUB rAX,Iz     |        | w=oszapc         |
        30 /r        | XOR Eb,Gb      |        | w=oszpc u=a      | lock
        31 /r        | XOR Ev,Gv      |        | w=oszpc u=a      | lock
        32 /r        | XOR Gb,Eb      |        | w=oszpc u=a      |
        33 /r        | XOR Gv,Ev      |        | w=oszpc u=a      |
        34           | XOR AL,Ib      |        | w=oszpc u=a      |
        35           | XOR rAX,Iz     |        | w=oszpc u=a      |
        38 /r        | CMP Eb,Gb      |        | w=oszapc         |
        39 /r        | CMP Ev,Gv      |        | w=oszapc         |
        3A /r        | CMP Gb,Eb      |        | w=oszapc         |
        3B /r        | CMP Gv,Ev      |        | w=oszapc         |
        3C           | CMP AL,Ib      |        | w=oszapc         |
        3D           | CMP rAX,Iz     |        | w=oszapc         |
        80 /0        | ADD Eb,Ib      |        | w=oszapc         | lock
        80 /1        | OR Eb,Ib       |        | w=oszpc u=a      | lock
        80 /2        | ADC Eb,Ib      |        | r=c w=oszapc     | lock
        80 /3        | SBB Eb,Ib      |        | r=c w=oszapc     | lock
        80 /4        | AND Eb,Ib      |        | w=oszpc u=a      | lock
        80 /5        | SUB Eb,Ib      |        | w=oszapc         | lock
        80 /6        | XOR Eb,Ib      |        | w=oszpc u=a      | lock
        80 /7        | CMP Eb,Ib      |        | w=oszapc         |
        81 /0        | ADD Ev,Iz      |        | w=oszapc         | lock
        81 /1        | OR Ev,Iz       |        | w=oszpc u=a      | lock
        81 /2        | ADC Ev,Iz      |        | r=c w=oszapc     | lock
        81 /3        | SBB Ev,Iz      |        | r=c w=oszapc     | lock
        81 /4        | AND Ev,Iz      |        | w=oszpc u=a      | lock
        81 /5        | SUB Ev,Iz      |        | w=oszapc         | lock
        81 /6        | XOR Ev,Iz      |        | w=oszpc u=a      | lock
        81 /7        | CMP Ev,Iz      |        | w=oszapc         |
        83 /0        | ADD Ev,Ibs     |        | w=oszapc         | lock
        83 /1        | OR Ev,Ibs      |        | w=oszpc u=a      | lock
        83 /2        | ADC Ev,Ibs     |        | r=c w=oszapc     | lock
        83 /3        | SBB Ev,Ibs     |        | r=c w=oszapc     | lock
        83 /4        | AND Ev,Ibs     |        | w=oszpc u=a      | lock
        83 /5        | SUB Ev,Ibs     |        | w=oszapc         | lock
        83 /6        | XOR Ev,Ibs     |        | w=oszpc u=a      | lock
        83 /7        | CMP Ev,Ibs     |        | w=oszapc         |
        84 /r        | TEST Eb,Gb     |        | w=oszpc u=a      |
        85 /r        | TEST Ev,Gv     |        | w=oszpc u=a      |
        A8           | TEST AL,Ib     |        | w=oszpc u=a      |
        A9           | TEST rAX,Iz    |        | w=oszpc u=a      |

        # ---- group 3 (F6/F7), group 4 (FE), group 5 (FF) -----------------------------------------
        # F6/F7 /1 is an undocumented alias of TEST that objdump and hardware both accept.
        F6 /0        | TEST Eb,Ib     |        | w=oszpc u=a      |
        F6 /1        | TEST Eb,Ib     |        | w=oszpc u=a      |
        F6 /2        | NOT Eb         |        |                  | lock
        F6 /3        | NEG Eb         |        | w=oszapc         | lock
        F6 /4        | MUL Eb         |        | w=oc u=szap      |
        F6 /5        | IMUL Eb        | IMUL1  | w=oc u=szap      |
        F6 /6        | DIV Eb         |        | u=oszapc         |
        F6 /7        | IDIV Eb        |        | u=oszapc         |
        F7 /0        | TEST Ev,Iz     |        | w=oszpc u=a      |
        F7 /1        | TEST Ev,Iz     |        | w=oszpc u=a      |
        F7 /2        | NOT Ev         |        |                  | lock
        F7 /3        | NEG Ev         |        | w=oszapc         | lock
        F7 /4        | MUL Ev         |        | w=oc u=szap      |
        F7 /5        | IMUL Ev        | IMUL1  | w=oc u=szap      |
        F7 /6        | DIV Ev         |        | u=oszapc         |
        F7 /7        | IDIV Ev        |        | u=oszapc         |
        FE /0        | INC Eb         |        | w=oszap          | lock
        FE /1        | DEC Eb         |        | w=oszap          | lock
        FF /0        | INC Ev         |        | w=oszap          | lock
        FF /1        | DEC Ev         |        | w=oszap          | lock
        FF /2        | CALL Ev        | CALL_IND |                | f64 end
        FF /3 mem    | CALL Mp        | CALLF_IND |               | end
        FF /4        | JMP Ev         | JMP_IND |                 | f64 end
        FF /5 mem    | JMP Mp         | JMPF_IND |                | end
        FF /6        | PUSH Ev        |        |                  | d64
        69 /r        | IMUL Gv,Ev,Iz  | IMUL3  | w=oc u=szap      |
        6B /r        | IMUL Gv,Ev,Ibs | IMUL3  | w=oc u=szap      |
        0F AF /r     | IMUL Gv,Ev     | IMUL2  | w=oc u=szap      |

        # ---- shifts and rotates: group 2 (C0 C1 D0-D3), SHLD/SHRD -------------------------------
        # Flags are written only when the masked count is non-zero; OF is defined for counts of 1.
        C0 /0        | ROL Eb,Ib      |        | w=oc u=o         |
        C0 /1        | ROR Eb,Ib      |        | w=oc u=o         |
        C0 /2        | RCL Eb,Ib      |        | r=c w=oc u=o     |
        C0 /3        | RCR Eb,Ib      |        | r=c w=oc u=o     |
        C0 /4        | SHL Eb,Ib      |        | w=oszpc u=oa     |
        C0 /5        | SHR Eb,Ib      |        | w=oszpc u=oa     |
        C0 /6        | SHL Eb,Ib      |        | w=oszpc u=oa     |
        C0 /7        | SAR Eb,Ib      |        | w=oszpc u=oa     |
        C1 /0        | ROL Ev,Ib      |        | w=oc u=o         |
        C1 /1        | ROR Ev,Ib      |        | w=oc u=o         |
        C1 /2        | RCL Ev,Ib      |        | r=c w=oc u=o     |
        C1 /3        | RCR Ev,Ib      |        | r=c w=oc u=o     |
        C1 /4        | SHL Ev,Ib      |        | w=oszpc u=oa     |
        C1 /5        | SHR Ev,Ib      |        | w=oszpc u=oa     |
        C1 /6        | SHL Ev,Ib      |        | w=oszpc u=oa     |
        C1 /7        | SAR Ev,Ib      |        | w=oszpc u=oa     |
        D0 /0        | ROL Eb,1       |        | w=oc             |
        D0 /1        | ROR Eb,1       |        | w=oc             |
        D0 /2        | RCL Eb,1       |        | r=c w=oc         |
        D0 /3        | RCR Eb,1       |        | r=c w=oc         |
        D0 /4        | SHL Eb,1       |        | w=oszpc u=a      |
        D0 /5        | SHR Eb,1       |        | w=oszpc u=a      |
        D0 /6        | SHL Eb,1       |        | w=oszpc u=a      |
        D0 /7        | SAR Eb,1       |        | w=oszpc u=a      |
        D1 /0        | ROL Ev,1       |        | w=oc             |
        D1 /1        | ROR Ev,1       |        | w=oc             |
        D1 /2        | RCL Ev,1       |        | r=c w=oc         |
        D1 /3        | RCR Ev,1       |        | r=c w=oc         |
        D1 /4        | SHL Ev,1       |        | w=oszpc u=a      |
        D1 /5        | SHR Ev,1       |        | w=oszpc u=a      |
        D1 /6        | SHL Ev,1       |        | w=oszpc u=a      |
        D1 /7        | SAR Ev,1       |        | w=oszpc u=a      |
        D2 /0        | ROL Eb,CL      |        | w=oc u=o         |
        D2 /1        | ROR Eb,CL      |        | w=oc u=o         |
        D2 /2        | RCL Eb,CL      |        | r=c w=oc u=o     |
        D2 /3        | RCR Eb,CL      |        | r=c w=oc u=o     |
        D2 /4        | SHL Eb,CL      |        | w=oszpc u=oa     |
        D2 /5        | SHR Eb,CL      |        | w=oszpc u=oa     |
        D2 /6        | SHL Eb,CL      |        | w=oszpc u=oa     |
        D2 /7        | SAR Eb,CL      |        | w=oszpc u=oa     |
        D3 /0        | ROL Ev,CL      |        | w=oc u=o         |
        D3 /1        | ROR Ev,CL      |        | w=oc u=o         |
        D3 /2        | RCL Ev,CL      |        | r=c w=oc u=o     |
        D3 /3        | RCR Ev,CL      |        | r=c w=oc u=o     |
        D3 /4        | SHL Ev,CL      |        | w=oszpc u=oa     |
        D3 /5        | SHR Ev,CL      |        | w=oszpc u=oa     |
        D3 /6        | SHL Ev,CL      |        | w=oszpc u=oa     |
        D3 /7        | SAR Ev,CL      |        | w=oszpc u=oa     |
        0F A4 /r     | SHLD Ev,Gv,Ib  |        | w=oszpc u=oa     |
        0F A5 /r     | SHLD Ev,Gv,CL  |        | w=oszpc u=oa     |
        0F AC /r     | SHRD Ev,Gv,Ib  |        | w=oszpc u=oa     |
        0F AD /r     | SHRD Ev,Gv,CL  |        | w=oszpc u=oa     |

        # ---- bit instructions ----------------------------------------------------------------------
        # BT* leave ZF unchanged and OF SF AF PF undefined (SDM Vol. 2A, BT).
        0F A3 /r     | BT Ev,Gv       |        | w=c u=osap       |
        0F AB /r     | BTS Ev,Gv      |        | w=c u=osap       | lock
        0F B3 /r     | BTR Ev,Gv      |        | w=c u=osap       | lock
        0F BB /r     | BTC Ev,Gv      |        | w=c u=osap       | lock
        0F BA /4     | BT Ev,Ib       |        | w=c u=osap       |
        0F BA /5     | BTS Ev,Ib      |        | w=c u=osap       | lock
        0F BA /6     | BTR Ev,Ib      |        | w=c u=osap       | lock
        0F BA /7     | BTC Ev,Ib      |        | w=c u=osap       | lock
        0F BC /r     | BSF Gv,Ev      |        | w=z u=osapc      |
        0F BD /r     | BSR Gv,Ev      |        | w=z u=osapc      |
        F3 0F BC /r  | TZCNT Gv,Ev    |        | w=zc u=osap      | bmi1
        F3 0F BD /r  | LZCNT Gv,Ev    |        | w=zc u=osap      | lzcnt
        F3 0F B8 /r  | POPCNT Gv,Ev   |        | w=oszapc         | popcnt
        0F C8+r      | BSWAP Zv       |        |                  |

        # ---- data movement -------------------------------------------------------------------------
        88 /r        | MOV Eb,Gb      |        |                  |
        89 /r        | MOV Ev,Gv      |        |                  |
        8A /r        | MOV Gb,Eb      |        |                  |
        8B /r        | MOV Gv,Ev      |        |                  |
        # A register destination of MOV from Sreg takes the operand size (zero-extended); memory is 16 bits.
        8C /r        | MOV Ev,Sw      | MOV_FROM_SEG |            |
        8E /r        | MOV Sw,Ew      | MOV_TO_SEG |              |
        A0           | MOV AL,Ob      | MOV_MOFFS |               |
        A1           | MOV rAX,Ov     | MOV_MOFFS |               |
        A2           | MOV Ob,AL      | MOV_MOFFS |               |
        A3           | MOV Ov,rAX     | MOV_MOFFS |               |
        B0+r         | MOV Zb,Ib      |        |                  |
        B8+r         | MOV Zv,Iv      |        |                  |
        C6 /0        | MOV Eb,Ib      |        |                  |
        C7 /0        | MOV Ev,Iz      |        |                  |
        0F B6 /r     | MOVZX Gv,Eb    |        |                  |
        0F B7 /r     | MOVZX Gv,Ew    |        |                  |
        0F BE /r     | MOVSX Gv,Eb    |        |                  |
        0F BF /r     | MOVSX Gv,Ew    |        |                  |
        63 /r        | MOVSXD Gv,Ed   |        |                  |
        8D /r mem    | LEA Gv,M       |        |                  |
        86 /r        | XCHG Eb,Gb     |        |                  | lock
        87 /r        | XCHG Ev,Gv     |        |                  | lock
        # 90 without REX.B is NOP (F3 90 is PAUSE); with REX.B it exchanges R8 (SDM Vol. 2B, XCHG).
        F3 90        | PAUSE          |        |                  |
        90 rexb0     | NOP            |        |                  |
        90+r         | XCHG Zv,rAX    |        |                  |
        0F C0 /r     | XADD Eb,Gb     |        | w=oszapc         | lock
        0F C1 /r     | XADD Ev,Gv     |        | w=oszapc         | lock
        0F B0 /r     | CMPXCHG Eb,Gb  |        | w=oszapc         | lock
        0F B1 /r     | CMPXCHG Ev,Gv  |        | w=oszapc         | lock
        0F C7 /1 mem w0 | CMPXCHG8B Mq | CMPXCHG8B | w=z            | lock
        0F C7 /1 mem w1 | CMPXCHG16B Mdq | CMPXCHG16B | w=z         | lock
        98           | CBW/CWDE/CDQE  | CBW    |                  |
        99           | CWD/CDQ/CQO    | CWD    |                  |
        D7           | XLAT           |        |                  |
        0F 40+cc /r  | CMOVcc Gv,Ev   | CMOVCC | r=cc             |
        0F 90+cc /r  | SETcc Eb       | SETCC  | r=cc             |
        0F 38 F0 /r mem | MOVBE Gv,Mv |        |                  | movbe
        0F 38 F1 /r mem | MOVBE Mv,Gv |        |                  | movbe
        F2 0F 38 F0 /r | CRC32 Gy,Eb  |        |                  | sse42
        F2 0F 38 F1 /r | CRC32 Gy,Ev  |        |                  | sse42
        66 0F 38 F6 /r | ADCX Gy,Ey   |        | r=c w=c          | adx
        F3 0F 38 F6 /r | ADOX Gy,Ey   |        | r=o w=o          | adx
        0F C7 /6 reg | RDRAND Rv      |        | w=oszapc         | rdrand
        0F C7 /7 reg | RDSEED Rv      |        | w=oszapc         | rdseed

        # ---- stack ---------------------------------------------------------------------------------
        50+r         | PUSH Zv        |        |                  | d64
        58+r         | POP Zv         |        |                  | d64
        8F /0        | POP Ev         |        |                  | d64
        68           | PUSH Iz        |        |                  | d64
        6A           | PUSH Ibs       |        |                  | d64
        0F A0        | PUSH FS        | PUSH_SEG |                | d64
        0F A1        | POP FS         | POP_SEG |                 | d64
        0F A8        | PUSH GS        | PUSH_SEG |                | d64
        0F A9        | POP GS         | POP_SEG |                 | d64
        9C           | PUSHFW/PUSHF/PUSHF | PUSHF | r=all         | d64
        9D           | POPFW/POPF/POPF | POPF  | w=all            | d64 end
        C8           | ENTER Iw,Ib    |        |                  | d64
        C9           | LEAVE          |        |                  | d64

        # ---- control transfer ----------------------------------------------------------------------
        # Near branches use 64-bit operand size in 64-bit mode; Intel CPUs ignore 66 on them
        # (SDM Vol. 2A, CALL/JMP/Jcc, "64-Bit Mode"), so rel32 stays 4 bytes.
        70+cc        | Jcc Jb         | JCC    | r=cc             | f64 end
        0F 80+cc     | Jcc Jz         | JCC    | r=cc             | f64 end
        EB           | JMP Jb         |        |                  | f64 end
        E9           | JMP Jz         |        |                  | f64 end
        E8           | CALL Jz        |        |                  | f64 end
        C2           | RET Iw         |        |                  | f64 end
        C3           | RET            |        |                  | f64 end
        CA           | RETF Iw        |        |                  | end
        CB           | RETF           |        |                  | end
        E0           | LOOPNE Jb      |        | r=z              | f64 end
        E1           | LOOPE Jb       |        | r=z              | f64 end
        E2           | LOOP Jb        |        |                  | f64 end
        E3           | JRCXZ Jb       |        |                  | f64 end
        CC           | INT3           |        | w=all            | end
        CD           | INT Ib         |        | w=all            | end
        F1           | INT1           |        | w=all            | end
        CF           | IRETW/IRET/IRETQ | IRET | w=all            | end
        0F 05        | SYSCALL        |        | w=all            | end
        0F 07        | SYSRETD/SYSRETD/SYSRETQ | SYSRET | w=all            | end
        0F 34        | SYSENTER       |        | w=all            | end
        0F 35        | SYSEXITD/SYSEXITD/SYSEXITQ | SYSEXIT | w=all            | end

        # ---- strings -------------------------------------------------------------------------------
        A4           | MOVS Yb,Xb     | MOVS   | r=d              |
        A5           | MOVS Yv,Xv     | MOVS   | r=d              |
        A6           | CMPS Xb,Yb     | CMPS   | r=d w=oszapc     |
        A7           | CMPS Xv,Yv     | CMPS   | r=d w=oszapc     |
        AA           | STOS Yb,AL     | STOS   | r=d              |
        AB           | STOS Yv,rAX    | STOS   | r=d              |
        AC           | LODS AL,Xb     | LODS   | r=d              |
        AD           | LODS rAX,Xv    | LODS   | r=d              |
        AE           | SCAS AL,Yb     | SCAS   | r=d w=oszapc     |
        AF           | SCAS rAX,Yv    | SCAS   | r=d w=oszapc     |
        6C           | INS Yb,DX      | INS    | r=d              |
        6D           | INS Yz,DX      | INS    | r=d              |
        6E           | OUTS DX,Xb     | OUTS   | r=d              |
        6F           | OUTS DX,Xz     | OUTS   | r=d              |

        # ---- flags and miscellaneous ---------------------------------------------------------------
        F5           | CMC            |        | r=c w=c          |
        F8           | CLC            |        | w=c              |
        F9           | STC            |        | w=c              |
        FC           | CLD            |        | w=d              |
        FD           | STD            |        | w=d              |
        9E           | SAHF           |        | w=szapc          |
        9F           | LAHF           |        | r=szapc          |
        0F 1F /r     | NOP Ev         | NOP    |                  |
        0F 19 /r     | NOP Ev         | NOP    |                  |
        0F 1A /r     | NOP Ev         | NOP    |                  |
        0F 1B /r     | NOP Ev         | NOP    |                  |
        0F 1C /r     | NOP Ev         | NOP    |                  |
        0F 1D /r     | NOP Ev         | NOP    |                  |
        F3 0F 1E FA  | ENDBR64        | NOP    |                  |
        F3 0F 1E FB  | ENDBR32        | NOP    |                  |
        0F 1E /r     | NOP Ev         | NOP    |                  |
        0F 18 /0 mem | PREFETCHNTA Mb | PREFETCH |                |
        0F 18 /1 mem | PREFETCHT0 Mb  | PREFETCH |                |
        0F 18 /2 mem | PREFETCHT1 Mb  | PREFETCH |                |
        0F 18 /3 mem | PREFETCHT2 Mb  | PREFETCH |                |
        0F 18 /r     | NOP Ev         | NOP    |                  |
        0F 0D /1 mem | PREFETCHW Mb   | PREFETCH |                |
        0F 0D /r mem | PREFETCH Mb    | PREFETCH |                |
        0F A2        | CPUID          |        |                  |
        0F 31        | RDTSC          |        |                  |
        0F 01 F9     | RDTSCP         |        |                  | rdtscp
        0F 0B        | UD2            |        |                  | end
        0F B9 /r     | UD1 Gv,Ev      | UD2    |                  | end
        0F FF /r     | UD0 Gv,Ev      | UD2    |                  | end
        9B           | FWAIT          |        |                  |
        """;
}
