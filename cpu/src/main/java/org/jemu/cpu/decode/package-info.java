/**
 * The x86-64 instruction table and decoder.
 *
 * <h2>Design</h2>
 * One table ({@link org.jemu.cpu.decode.OpTable}) lists every instruction form once, as text rows in
 * {@code IntegerRows}, {@code SystemRows}, {@code SseRows}, {@code MmxRows}, {@code Sse4Rows} and
 * {@code X87Rows}, parsed at class
 * initialisation into {@link org.jemu.cpu.decode.Form}s and per-opcode lookup arrays. The
 * {@link org.jemu.cpu.decode.Decoder} fills a reusable {@link org.jemu.cpu.decode.Insn} from it; the
 * {@link org.jemu.cpu.decode.DecodeCache} keeps decoded instructions per physical page. The interpreter
 * switches on {@link org.jemu.cpu.decode.Insn#op} ({@link org.jemu.cpu.decode.Op}) and then on
 * {@link org.jemu.cpu.decode.Insn#shape} ({@link org.jemu.cpu.decode.Shape}); the JIT and the test
 * generators read the same {@code Form}s (flags read / written / undefined, block ends, operand kinds).
 *
 * <h2>Row grammar</h2>
 * <pre>
 * row      = encoding "|" mnemonic [operands] "|" [op] "|" [flags] "|" [attrs]
 * encoding = [mprefix] [map] opcode [modrm] {constraint}
 * mprefix  = "NP" | "66" | "F3" | "F2"      mandatory prefix; NP = none of 66/F2/F3. Without one the
 *                                           row accepts any prefixes with their usual meaning.
 *                                           F2/F3 (the last one present) take precedence over 66.
 * map      = "0F" | "0F 38" | "0F 3A"      (absent: the one-byte map)
 * opcode   = hex byte, or hex "+r" (8 rows, register in bits 2:0, operand Z)
 *            or hex "+cc" (16 rows, condition code in bits 3:0; "cc" in the mnemonic is replaced by
 *            O NO B AE E NE BE A S NS P NP L GE LE G, and flags "r=cc" by what that condition reads)
 * modrm    = "/r" (ModRM present) | "/0".."/7" (ModRM.reg selects the row)
 *            | a hex byte C0..FF (the whole ModRM byte is fixed: mod 3, reg and rm)
 * constraint = "mem" (mod != 3) | "reg" (mod == 3) | "w0" | "w1" (REX.W) | "rexb0" (no REX.B)
 *            | "anymod" (mod ignored, r/m is a register: MOV CRn/DRn)
 * mnemonic = upper case Intel mnemonic; "A/B/C" gives one per operand size 16/32/64 (CBW/CWDE/CDQE)
 * operands = operand {"," operand}, destination first, in Intel SDM Appendix A notation:
 *            kind letter + size letters.
 *   kinds:  E  r/m general register or memory     G  reg field general register
 *           M  r/m memory only                    R  r/m general register only
 *           V  reg field XMM                      W  r/m XMM or memory        U  r/m XMM only
 *           S  reg field segment register         C  control register         D  debug register
 *           I  immediate                          J  relative branch offset
 *           O  moffs (absolute address, address-size wide)
 *           X  memory DS:rSI                      Y  memory ES:rDI
 *           Z  general register in opcode bits 2:0 (+REX.B)
 *           P  reg field MMX register     Q  r/m MMX register or memory     N  r/m MMX register only
 *              (mm0..mm7: REX.R / REX.B are ignored)
 *           fixed: AL AX eAX rAX (accumulator) CL DX 1 FS GS ST STi XMM0 (blend mask)
 *   sizes:  b byte, w word, d dword, q qword, t 80-bit, dq/ps/pd 128-bit, ss 32-bit, sd 64-bit,
 *           v 16/32/64 by 66 and REX.W, z 16/32 (immediates: 32 bits, sign-extended, for 64-bit
 *           operands), y 32/64 by REX.W, p far pointer, bs byte sign-extended (Ibs; Ib is zero-extended)
 * op       = name of an {@link org.jemu.cpu.decode.Op} constant; default: the mnemonic (first alternative)
 * flags    = {("r=" | "w=" | "u=") letters}, letters from o d i t s z a p c, or "all", "AC", "cc";
 *            r = read, w = written with a defined value, u = left undefined (SDM "undefined").
 *            Shifts and rotates write flags only for a non-zero masked count.
 * attrs    = "lock" (LOCK allowed with a memory destination) | "end" (ends a basic block)
 *            | "d64" (default operand size 64 in 64-bit mode, 66 gives 16)
 *            | "f64" (operand size forced to 64) | an {@link org.jemu.cpu.decode.Ext} name
 *            (sse3 ssse3 sse41 sse42 mmx popcnt lzcnt bmi1 movbe ...): the row decodes only when that
 *            extension is enabled; with several (ssse3 mmx), only when all are.
 * </pre>
 * A row's name ({@link org.jemu.cpu.decode.Form#name}) is the mnemonic and operands joined by
 * underscores, Bochs/iced style: {@code ADD_Ev_Gv}, {@code MOVAPS_Vps_Wps}.
 *
 * <h2>Operand size</h2>
 * {@link org.jemu.cpu.decode.Insn#opSize} comes from the first general-purpose operand (E G M O R X Y
 * Z accumulator) that has a size, else the first XMM or MMX operand, else v; then d64/f64 apply
 * (Intel SDM Vol. 2A §2.2.1.2 and §2.2.1.7).
 *
 * <h2>Notes for the semantics</h2>
 * <ul>
 * <li>String operands (X, Y) do not set {@code hasMem}; the instruction uses rSI/rDI itself, with
 *     {@link org.jemu.cpu.decode.Insn#segment} overriding DS for the source. moffs (O) does set it, with
 *     the address in {@code disp} so {@code effectiveAddress} works.</li>
 * <li>MOV from Sreg to memory stores 16 bits whatever {@code opSize} says; CRC32 Gy,Ev reads an
 *     operand of 66/REX.W size while {@code opSize} is the destination's (4 or 8).</li>
 * <li>x87 forms all have op {@code X87}; dispatch on {@code opcode} and {@code modrm}.</li>
 * <li>MMX forms share the Op id of the XMM form of the same operation (PADDB, PSHUFB, PEXTRW...);
 *     {@link org.jemu.cpu.decode.Shape#isMmx} tells them apart. Moves and conversions that exist only
 *     with mm operands have their own ids (MOVQ_MM, MOVQ2DQ, CVTPI2PS...).</li>
 * <li>PEXTRW has two XMM encodings: 66 0F C5 ({@code PEXTRW}, {@code G_U_I}: GPR from xmm r/m)
 *     and 66 0F 3A 15 ({@code PEXTRW_E}, {@code R_V_I} / {@code M_V_I}: xmm reg to GPR or memory).</li>
 * <li>MOVMSKPS/MOVMSKPD/PMOVMSKB are {@code Gy}: with REX.W {@code opSize} is 8 (the mask is
 *     zero-extended either way, SDM Vol. 2B PMOVMSKB "default operand size is 64-bit").</li>
 * <li>MASKMOVDQU and MASKMOVQ store to DS:rDI (segment overridable, address size by 67); their
 *     ModRM names two registers, so {@code hasMem} is false.</li>
 * <li>PCMPESTRI/PCMPESTRM with REX.W (mnemonic PCMPESTRIQ/PCMPESTRMQ) take 64-bit lengths from
 *     RAX/RDX; {@code opSize} is 16 for all four string compares, so test {@code PFX_REXW}.</li>
 * <li>Rows marked with an extension decode only when the {@link org.jemu.cpu.decode.Decoder} has it
 *     enabled; disabled ones fall back (REP BSF) or raise #UD.</li>
 * </ul>
 */
package org.jemu.cpu.decode;
