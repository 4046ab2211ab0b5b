#define _GNU_SOURCE
#include <malloc.h>
#include <sys/socket.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include "CShim.h"

int cshim_accept4(int fd, struct sockaddr *addr, unsigned int *len) {
    return accept4(fd, addr, (socklen_t *)len, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int cshim_errno(void) { return errno; }

static void fill(sigset_t *set, const int *signals, int count) {
    sigemptyset(set);
    for (int i = 0; i < count; i++) sigaddset(set, signals[i]);
}

int cshim_block_signals(const int *signals, int count) {
    sigset_t set;
    fill(&set, signals, count);
    return pthread_sigmask(SIG_BLOCK, &set, NULL);
}

int cshim_wait_signal(const int *signals, int count) {
    sigset_t set;
    fill(&set, signals, count);
    int sig = 0;
    if (sigwait(&set, &sig) != 0) return -1;
    return sig;
}

int cshim_ignore_sigpipe(void) {
    struct sigaction sa = {0};
    sa.sa_handler = SIG_IGN;
    return sigaction(SIGPIPE, &sa, NULL);
}

void cshim_trim_heap(void) {
    malloc_trim(0);
}
