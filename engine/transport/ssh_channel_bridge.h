#pragma once

#include <atomic>
#include <thread>

struct ssh_session_struct;
struct ssh_channel_struct;

namespace rl {

// Carries one SSH jump: the bytes of a direct-tcpip channel (opened on a jump host's session to
// the next hop) to and from one end of a socketpair, whose other end the next SSH session uses as
// its connection (SSH_OPTIONS_FD). A small pump thread owns the jump host's session from then on:
// libssh sessions are not shared between threads, and nothing else touches this one.
//
// When either side ends (the channel closes, the next session closes its end) the pump ends and
// closes its socket end, so the next session sees its connection drop rather than hang.
class SshChannelBridge final
{
public:
    // Takes the connected, logged-in session and its open forward channel. On success *peerFd is
    // the socket for the next session (libssh closes it with that session); on failure both are
    // freed and nullptr is returned.
    static SshChannelBridge *start(ssh_session_struct *session, ssh_channel_struct *channel, int *peerFd);
    ~SshChannelBridge(); // stops the pump, closes the channel, disconnects and frees the session

    SshChannelBridge(const SshChannelBridge &) = delete;
    SshChannelBridge &operator=(const SshChannelBridge &) = delete;

    bool isAlive() const { return !m_ended.load(); }

private:
    SshChannelBridge(ssh_session_struct *session, ssh_channel_struct *channel, int fd);
    void pump();

    ssh_session_struct *m_session;
    ssh_channel_struct *m_channel;
    int m_fd;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_ended{false};
    std::thread m_thread;
};

} // namespace rl
