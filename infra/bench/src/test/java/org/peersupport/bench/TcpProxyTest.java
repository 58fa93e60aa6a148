package org.peersupport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void echoServerBehindAProxy() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    Thread c = new Thread(() -> {
                        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                            in.transferTo(out);
                        } catch (IOException ignored) {
                            // the test's client went away
                        }
                    });
                    c.setDaemon(true);
                    c.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        proxy = new TcpProxy("echo", 0, echo.getLocalPort());
    }

    @AfterEach
    void close() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void passesBytesBothWays() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            s.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(s.getInputStream().readNBytes(4), StandardCharsets.UTF_8)).isEqualTo("ping");
        }
    }

    @Test
    void addsTheInjectedLatencyToEachChunk() throws IOException {
        proxy.latency(150, 0);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            long t0 = System.nanoTime();
            s.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
            s.getInputStream().readNBytes(4);
            // one chunk up and one down, each held 150 ms
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    void aResetBreaksEveryOpenConnection() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            s.getOutputStream().write("a".getBytes(StandardCharsets.UTF_8));
            s.getInputStream().readNBytes(1);
            assertThat(proxy.resetAll()).isEqualTo(1);
            assertThat(proxy.resets()).isEqualTo(1);
            assertThatThrownBy(() -> {
                s.getOutputStream().write("b".getBytes(StandardCharsets.UTF_8));
                if (s.getInputStream().read() < 0) {
                    throw new IOException("closed");
                }
            }).isInstanceOf(IOException.class);
        }
    }
}
