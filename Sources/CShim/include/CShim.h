#ifndef PARLEY_CSHIM_H
#define PARLEY_CSHIM_H
// Only what Glibc's Swift module lacks. No _GNU_SOURCE here: it would change shared
// struct definitions and clash with SwiftGlibc; shim.c defines it for accept4.
#include <sys/epoll.h>
#include <sys/eventfd.h>

struct sockaddr;
int cshim_accept4(int fd, struct sockaddr *addr, unsigned int *len);
int cshim_errno(void);
// Blocks the given signals in the calling thread (and threads it starts later).
int cshim_block_signals(const int *signals, int count);
// Waits for one of the blocked signals; returns its number or -1.
int cshim_wait_signal(const int *signals, int count);
int cshim_ignore_sigpipe(void);
// Returns the heap's free memory to the system (glibc's malloc_trim), after work done once at start.
void cshim_trim_heap(void);
#endif
