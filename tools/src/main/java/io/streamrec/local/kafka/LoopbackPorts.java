package io.streamrec.local.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1, where the broker listens: a free one, a check that one is free, whether one accepts. */
final class LoopbackPorts {
    private LoopbackPorts() {}

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Returns {@code port} when nothing listens there; {@code what} names it in the error. */
    static int requireFree(int port, String what) throws IOException {
        if (accepts(port)) {
            throw new IOException("port " + port + " (" + what + ") is already taken on 127.0.0.1; stop what "
                    + "listens there or choose another port");
        }
        return port;
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
