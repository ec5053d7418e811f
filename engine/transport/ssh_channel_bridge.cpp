#include "engine/transport/ssh_channel_bridge.h"

#include <QByteArray>

#include <libssh/libssh.h>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rl {

namespace {

constexpr int kChunk = 64 * 1024;
constexpr qsizetype kMaxPending = 1024 * 1024; // held for the slower side before reading pauses
constexpr int kPollMs = 20;                    // how often the stop flag is looked at

void freeSession(ssh_session s, ssh_channel ch)
{
    if (ch) {
        if (ssh_is_connected(s) && ssh_channel_is_open(ch))
            ssh_channel_close(ch);
        ssh_channel_free(ch);
    }
    if (s) {
        if (ssh_is_connected(s))
            ssh_disconnect(s);
        ssh_free(s);
    }
}

} // namespace

SshChannelBridge *SshChannelBridge::start(ssh_session session, ssh_channel channel, int *peerFd)
{
    int fds[2] = {-1, -1};
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        freeSession(session, channel);
        return nullptr;
    }
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    *peerFd = fds[1];
    return new SshChannelBridge(session, channel, fds[0]);
}

SshChannelBridge::SshChannelBridge(ssh_session session, ssh_channel channel, int fd)
    : m_session(session), m_channel(channel), m_fd(fd)
{
    m_thread = std::thread([this] { pump(); });
}

SshChannelBridge::~SshChannelBridge()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    freeSession(m_session, m_channel);
    if (m_fd >= 0)
        ::close(m_fd);
}

void SshChannelBridge::pump()
{
    // Nonblocking from here: the pump never waits inside libssh, so the stop flag is always seen.
    ssh_set_blocking(m_session, 0);
    QByteArray toSocket;  // from the channel, not yet taken by the next session
    QByteArray toChannel; // from the next session, not yet within the channel's window
    QByteArray buf(kChunk, Qt::Uninitialized);
    bool socketEof = false;
    bool channelEofSent = false;
    bool socketShut = false;
    while (!m_stop.load()) {
        pollfd p[2] = {{m_fd, short((toChannel.isEmpty() && !socketEof ? POLLIN : 0) | (toSocket.isEmpty() ? 0 : POLLOUT)), 0},
                       {ssh_get_fd(m_session), POLLIN, 0}};
        ::poll(p, p[1].fd >= 0 ? 2 : 1, kPollMs);

        // channel -> socket
        if (toSocket.size() < kMaxPending) {
            const int n = ssh_channel_read_nonblocking(m_channel, buf.data(), uint32_t(kChunk), 0);
            if (n == SSH_ERROR)
                break;
            if (n > 0)
                toSocket.append(buf.constData(), n);
        }
        while (!toSocket.isEmpty()) {
            const ssize_t w = ::send(m_fd, toSocket.constData(), size_t(toSocket.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
            if (w > 0) {
                toSocket.remove(0, w);
                continue;
            }
            if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                break;
            m_stop = true; // the next session is gone
            break;
        }
        if (toSocket.isEmpty() && !socketShut && (ssh_channel_is_eof(m_channel) || !ssh_channel_is_open(m_channel))) {
            ::shutdown(m_fd, SHUT_WR); // the far end finished: the next session reads EOF
            socketShut = true;
        }

        // socket -> channel
        if (toChannel.isEmpty() && !socketEof) {
            const ssize_t r = ::recv(m_fd, buf.data(), size_t(kChunk), MSG_DONTWAIT);
            if (r > 0)
                toChannel.append(buf.constData(), r);
            else if (r == 0)
                socketEof = true;
            else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                socketEof = true;
        }
        if (!toChannel.isEmpty() && ssh_channel_is_open(m_channel)) {
            const uint32_t window = ssh_channel_window_size(m_channel);
            if (window > 0) {
                const int w = ssh_channel_write(m_channel, toChannel.constData(),
                                                uint32_t(qMin<qsizetype>(toChannel.size(), window)));
                if (w == SSH_ERROR)
                    break;
                if (w > 0)
                    toChannel.remove(0, w);
            }
        }
        if (socketEof && toChannel.isEmpty() && !channelEofSent) {
            if (ssh_channel_is_open(m_channel))
                ssh_channel_send_eof(m_channel);
            channelEofSent = true;
        }
        if (!ssh_is_connected(m_session) || (socketEof && socketShut) || (socketShut && !ssh_channel_is_open(m_channel)))
            break;
    }
    // Whatever ended it, the next session must see its connection end, not wait for bytes.
    ::shutdown(m_fd, SHUT_RDWR);
    m_ended = true;
}

} // namespace rl
