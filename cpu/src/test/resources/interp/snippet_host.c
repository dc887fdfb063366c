/*
 * Host side of the interpreter's differential tests (HostSnippets.java): runs machine-code snippets
 * natively from a given state and writes the final state.
 *
 * Everything lives at fixed addresses that jemu reproduces (so RIP-relative and absolute addresses,
 * RSP and pointer registers compare equal): code at BASE, the compared data block at BASE+0x4000,
 * the stack below BASE+0x8000. stdin: records {u32 length; code[length]; state}; stdout: one state
 * per record. A state is 16 GPRs, RFLAGS, a status word (0, or the signal the snippet raised), an
 * FXSAVE image (x87, MMX, MXCSR, XMM) and the data block. The snippet is entered with every register
 * loaded (FXRSTOR, then POPFQ and the GPRs) and leaves through a jump appended after its last byte.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define BASE 0x30000000UL
#define CODE BASE
#define DATA (BASE + 0x4000)
#define MEMSZ 1024
#define MAPSZ 0x10000

struct state {
    uint64_t gpr[16];
    uint64_t rflags;
    uint64_t status;
    uint8_t fx[512];
    uint8_t mem[MEMSZ];
} __attribute__((packed));

struct state in_s __attribute__((aligned(16))), out_s __attribute__((aligned(16)));
uint64_t saved_rsp, code_ptr = CODE;
static sigjmp_buf jb;
static volatile int caught;

void enter(void);
extern char epilogue[];

#define G(i) #i "*8"
__asm__(
    ".text\n.globl enter\nenter:\n"
    " push %rbx\n push %rbp\n push %r12\n push %r13\n push %r14\n push %r15\n"
    " mov %rsp, saved_rsp(%rip)\n"
    " fxrstor64 in_s+144(%rip)\n"
    " mov in_s+4*8(%rip), %rsp\n"
    " pushq in_s+128(%rip)\n popfq\n"
    " mov in_s+0*8(%rip), %rax\n mov in_s+1*8(%rip), %rcx\n mov in_s+2*8(%rip), %rdx\n"
    " mov in_s+3*8(%rip), %rbx\n mov in_s+5*8(%rip), %rbp\n mov in_s+6*8(%rip), %rsi\n"
    " mov in_s+7*8(%rip), %rdi\n mov in_s+8*8(%rip), %r8\n mov in_s+9*8(%rip), %r9\n"
    " mov in_s+10*8(%rip), %r10\n mov in_s+11*8(%rip), %r11\n mov in_s+12*8(%rip), %r12\n"
    " mov in_s+13*8(%rip), %r13\n mov in_s+14*8(%rip), %r14\n mov in_s+15*8(%rip), %r15\n"
    " jmp *code_ptr(%rip)\n"
    ".globl epilogue\nepilogue:\n"
    " mov %rax, out_s+0*8(%rip)\n mov %rcx, out_s+1*8(%rip)\n mov %rdx, out_s+2*8(%rip)\n"
    " mov %rbx, out_s+3*8(%rip)\n mov %rsp, out_s+4*8(%rip)\n mov %rbp, out_s+5*8(%rip)\n"
    " mov %rsi, out_s+6*8(%rip)\n mov %rdi, out_s+7*8(%rip)\n mov %r8, out_s+8*8(%rip)\n"
    " mov %r9, out_s+9*8(%rip)\n mov %r10, out_s+10*8(%rip)\n mov %r11, out_s+11*8(%rip)\n"
    " mov %r12, out_s+12*8(%rip)\n mov %r13, out_s+13*8(%rip)\n mov %r14, out_s+14*8(%rip)\n"
    " mov %r15, out_s+15*8(%rip)\n"
    " mov saved_rsp(%rip), %rsp\n"
    " pushfq\n popq out_s+128(%rip)\n cld\n"
    " fxsave64 out_s+144(%rip)\n"
    " fninit\n movl $0x1f80, -4(%rsp)\n ldmxcsr -4(%rsp)\n"
    " pop %r15\n pop %r14\n pop %r13\n pop %r12\n pop %rbp\n pop %rbx\n ret\n");

static void handler(int sig, siginfo_t *si, void *ctx) {
    (void) si;
    (void) ctx;
    caught = sig;
    siglongjmp(jb, 1);
}

static int readn(void *p, size_t n) { return fread(p, 1, n, stdin) == n; }

int main(void) {
    uint8_t *base = mmap((void *) BASE, MAPSZ, PROT_READ | PROT_WRITE | PROT_EXEC,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (base != (uint8_t *) BASE) { perror("mmap"); return 1; }
    static char altstack[65536];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    int sigs[] = {SIGSEGV, SIGILL, SIGFPE, SIGBUS, SIGTRAP, SIGALRM};
    for (int i = 0; i < 6; i++) sigaction(sigs[i], &sa, NULL);
    uint32_t len;
    static uint8_t code[0x3000];
    while (readn(&len, 4)) {
        if (len > sizeof code - 16 || !readn(code, len) || !readn(&in_s, sizeof in_s)) return 2;
        memcpy(base, code, len);
        uint8_t *t = base + len;            /* jmp *0(%rip); .quad epilogue */
        t[0] = 0xff; t[1] = 0x25; memset(t + 2, 0, 4);
        uint64_t e = (uint64_t) epilogue;
        memcpy(t + 6, &e, 8);
        memcpy(base + 0x4000, in_s.mem, MEMSZ);
        memset(&out_s, 0, sizeof out_s);
        if (sigsetjmp(jb, 1) == 0) {
            alarm(5);                       /* a snippet that never ends reports SIGALRM */
            enter();
            alarm(0);
            out_s.status = 0;
        } else {
            __asm__ volatile("fninit\n cld\n movl $0x1f80, -4(%%rsp)\n ldmxcsr -4(%%rsp)" ::: "memory");
            alarm(0);
            out_s.status = caught;
        }
        memcpy(out_s.mem, base + 0x4000, MEMSZ);
        fwrite(&out_s, sizeof out_s, 1, stdout);
    }
    return 0;
}
