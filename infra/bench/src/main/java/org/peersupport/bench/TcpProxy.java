package org.peersupport.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy, thread per connection and direction, that injects faults into what passes: a latency added to every
 * chunk forwarded (with jitter), and resets (RST, as a crashed peer or a dropped NAT entry looks) of every open
 * connection at once. Sits in front of the broker and the store in {@code ./peer chaos}.
 */
final class TcpProxy implements AutoCloseable {

    private final String name;
    private final ServerSocket server;
    private final int targetPort;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicLong resets = new AtomicLong();
    private volatile long latencyMillis;
    private volatile long jitterMillis;
    private volatile boolean closed;

    /** One client connection and its connection to the target. */
    private record Link(Socket client, Socket target) {
        void reset() {
            abort(client);
            abort(target);
        }
    }

    TcpProxy(String name, int listenPort, int targetPort) throws IOException {
        this.name = name;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort));
        Thread acceptor = new Thread(this::acceptLoop, "proxy-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Every chunk forwarded from now on waits {@code millis} plus up to {@code jitter} more; 0 and 0 for none. */
    void latency(long millis, long jitter) {
        this.latencyMillis = millis;
        this.jitterMillis = jitter;
    }

    /** Resets every open connection (both sides see a RST); returns how many there were. */
    int resetAll() {
        int n = 0;
        for (Link link : links) {
            link.reset();
            links.remove(link);
            n++;
        }
        resets.addAndGet(n);
        return n;
    }

    long resets() {
        return resets.get();
    }

    int openConnections() {
        return links.size();
    }

    String name() {
        return name;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            Socket target = new Socket();
            try {
                target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 3000);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
            } catch (IOException targetDown) {
                abort(client); // as the target itself refuses: the client sees the connection fail
                abort(target);
                continue;
            }
            Link link = new Link(client, target);
            links.add(link);
            start(link, client, target, "up");
            start(link, target, client, "down");
        }
    }

    private void start(Link link, Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> pump(link, from, to), "proxy-" + name + "-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long delay = latencyMillis + (jitterMillis > 0 ? ThreadLocalRandom.current().nextLong(jitterMillis) : 0);
                if (delay > 0) {
                    LockSupport.parkNanos(delay * 1_000_000L); // the injected latency itself
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput(); // a clean end passes on as a clean end
        } catch (IOException gone) {
            link.reset(); // one side failed: the other sees it fail too, as through a real network path
        } finally {
            if (from.isClosed() || to.isClosed()) {
                links.remove(link);
            }
        }
    }

    static void abort(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close with RST, not FIN
        } catch (SocketException alreadyClosed) {
            // nothing to reset
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
        resetAll();
    }
}
