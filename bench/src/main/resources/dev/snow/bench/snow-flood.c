/*
 * snow-flood: the eviction attack of issue 14 (LIM-2, LIM-5) as a native open-loop load, for
 * rates a JVM flooder cannot offer on a small machine. Plain TCP connects (no TLS, nothing sent)
 * from one loopback source address, bound explicitly, paced to RATE connects/s; each held until
 * the node closes it, then reset (SO_LINGER 0: no TIME_WAIT on either side), or reset by the
 * flooder once HOLD_MS old (still in SYN_SENT behind a full accept queue, or accepted and not
 * yet evicted). At most MAX_OPEN sockets at once: the file-descriptor budget. Loopback only.
 *
 *   snow-flood SOURCE_IP TARGET_IP TARGET_PORT RATE MAX_OPEN HOLD_MS
 *
 * stdin: "stats" prints one line of counters; "quit" (or EOF) resets every socket, prints the
 * final line and exits 0. Usage errors exit 2. Built and run by dev.snow.bench.NativeFlood.
 *
 * stats offered=N connected=N closed_by_node=N abandoned=N errors=N starved=N open=N
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { FREE = 0, CONNECTING = 1, CONNECTED = 2 };

struct slot { unsigned char state; unsigned gen; };
struct aged { int fd; unsigned gen; long long opened; };

static struct slot *slots;
static struct aged *ring;
static long ring_cap, ring_head, ring_len;
static long long offered, connected, closed_by_node, abandoned, errors, starved, open_now;
static int ep;

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void print_stats(void) {
    printf("stats offered=%lld connected=%lld closed_by_node=%lld abandoned=%lld errors=%lld starved=%lld open=%lld\n",
           offered, connected, closed_by_node, abandoned, errors, starved, open_now);
    fflush(stdout);
}

static void drop(int fd) {
    slots[fd].state = FREE;
    slots[fd].gen++;
    close(fd); /* SO_LINGER 0: a reset, and epoll forgets the fd */
    open_now--;
}

static int loopback(const char *ip, struct in_addr *out) {
    return inet_pton(AF_INET, ip, out) == 1 && (ntohl(out->s_addr) >> 24) == 127;
}

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: snow-flood SOURCE_IP TARGET_IP TARGET_PORT RATE MAX_OPEN HOLD_MS (loopback addresses only)\n");
        return 2;
    }
    struct sockaddr_in src = {0}, dst = {0};
    src.sin_family = dst.sin_family = AF_INET;
    if (!loopback(argv[1], &src.sin_addr) || !loopback(argv[2], &dst.sin_addr)) {
        fprintf(stderr, "snow-flood: loopback only (127.0.0.0/8), was %s -> %s\n", argv[1], argv[2]);
        return 2;
    }
    long port = atol(argv[3]);
    double rate = atof(argv[4]);
    long max_open = atol(argv[5]);
    long long hold = atoll(argv[6]) * 1000000LL;
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    if (port < 1 || port > 65535 || rate <= 0 || max_open < 1 || hold < 1 || (rlim_t) max_open + 16 > rl.rlim_cur) {
        fprintf(stderr, "snow-flood: bad port, rate, max-open or hold (max-open + 16 must fit ulimit -n %ld)\n", (long) rl.rlim_cur);
        return 2;
    }
    dst.sin_port = htons((unsigned short) port);
    slots = calloc(rl.rlim_cur, sizeof *slots);
    ring_cap = 4 * max_open + 1; /* closed sockets stay in the ring until they age out */
    ring = calloc(ring_cap, sizeof *ring);
    ep = epoll_create1(EPOLL_CLOEXEC);
    if (!slots || !ring || ep < 0) {
        perror("snow-flood: setup");
        return 1;
    }
    struct epoll_event in = {.events = EPOLLIN, .data.fd = 0};
    epoll_ctl(ep, EPOLL_CTL_ADD, 0, &in);
    struct linger reset = {1, 0};
    struct epoll_event evs[1024];
    char buf[4096], line[256];
    size_t line_len = 0;
    long long t0 = now_ns();
    long long issued = 0;
    int running = 1;
    while (running) {
        long long now = now_ns();
        long long due = (long long) ((now - t0) * rate / 1e9) - issued;
        for (long long n = 0; n < due && n < 1000; n++) {
            issued++;
            if (open_now >= max_open || ring_len == ring_cap) {
                starved++;
                continue;
            }
            offered++;
            int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                errors++;
                continue;
            }
            open_now++;
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
            if (bind(fd, (struct sockaddr *) &src, sizeof src) != 0
                || (connect(fd, (struct sockaddr *) &dst, sizeof dst) != 0 && errno != EINPROGRESS)) {
                errors++;
                close(fd);
                open_now--;
                continue;
            }
            struct epoll_event ev = {.events = EPOLLOUT | EPOLLIN | EPOLLRDHUP, .data.fd = fd};
            epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
            slots[fd].state = CONNECTING;
            ring[(ring_head + ring_len) % ring_cap] = (struct aged) {fd, slots[fd].gen, now};
            ring_len++;
        }
        int timeout = due >= 1000 ? 0 : 1;
        int k = epoll_wait(ep, evs, 1024, timeout);
        for (int i = 0; i < k; i++) {
            int fd = evs[i].data.fd;
            if (fd == 0) {
                ssize_t r = read(0, line + line_len, sizeof line - 1 - line_len);
                if (r <= 0) {
                    running = 0;
                    break;
                }
                line_len += (size_t) r;
                char *nl;
                while ((nl = memchr(line, '\n', line_len)) != NULL) {
                    *nl = 0;
                    if (strcmp(line, "stats") == 0) {
                        print_stats();
                    } else if (strcmp(line, "quit") == 0) {
                        running = 0;
                    }
                    size_t used = (size_t) (nl - line) + 1;
                    memmove(line, nl + 1, line_len - used);
                    line_len -= used;
                }
                if (line_len == sizeof line - 1) {
                    line_len = 0;
                }
                continue;
            }
            if (slots[fd].state == CONNECTING) {
                int err = 0;
                socklen_t len = sizeof err;
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
                if (err != 0) {
                    errors++;
                    drop(fd);
                    continue;
                }
                connected++;
                slots[fd].state = CONNECTED;
                struct epoll_event ev = {.events = EPOLLIN | EPOLLRDHUP, .data.fd = fd};
                epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
                if (!(evs[i].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
                    continue;
                }
            }
            if (slots[fd].state == CONNECTED) {
                ssize_t r = read(fd, buf, sizeof buf);
                if (r == 0 || (r < 0 && errno != EAGAIN)) {
                    closed_by_node++;
                    drop(fd);
                }
            }
        }
        now = now_ns();
        while (ring_len > 0 && now - ring[ring_head].opened > hold) {
            struct aged a = ring[ring_head];
            ring_head = (ring_head + 1) % ring_cap;
            ring_len--;
            if (slots[a.fd].state != FREE && slots[a.fd].gen == a.gen) {
                abandoned++;
                drop(a.fd);
            }
        }
    }
    for (long i = 0; i < ring_len; i++) {
        struct aged a = ring[(ring_head + i) % ring_cap];
        if (slots[a.fd].state != FREE && slots[a.fd].gen == a.gen) {
            drop(a.fd);
        }
    }
    print_stats();
    return 0;
}
