package dev.copbot.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on loopback for fault tests. {@link #down()} drops every connection and refuses new ones, as a
 * server that crashed; {@link #up()} listens again on the same port. {@link #freezeOpenConnections()} makes the
 * connections open now go silent (nothing forwarded, nothing closed), as a network cut that no one notices, while
 * new connections work.
 */
public final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** Sockets whose traffic is held back: read, never forwarded. */
    private final java.util.Set<Socket> frozen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    public int port() {
        return port;
    }

    private void listen(ServerSocket s) {
        server = s;
        Thread.ofVirtual().start(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    Socket node = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    open.add(client);
                    open.add(node);
                    Thread.ofVirtual().start(() -> pump(client, node));
                    Thread.ofVirtual().start(() -> pump(node, client));
                } catch (IOException e) {
                    return; // closed by down()
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (frozen.contains(from)) {
                    continue; // swallowed: the other side waits for an answer that never comes
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** The connections open now stop forwarding anything, without closing; new ones are forwarded as before. */
    public void freezeOpenConnections() {
        frozen.addAll(open);
    }

    public void down() throws IOException {
        server.close();
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    public void up() throws IOException {
        if (!server.isClosed()) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listen(s);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
