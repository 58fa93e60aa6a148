package org.peersupport.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses request bodies over the limit with 413, whether they declare their length or stream it in chunks. */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMaxBytes;
    private final Map<String, Long> maxBytesByPath;
    private final AntPathMatcher paths = new AntPathMatcher();

    public BodySizeLimitFilter(long maxBytes) {
        this(maxBytes, Map.of());
    }

    /** With larger (or smaller) limits for some paths: Ant-style patterns in order, the first match wins. */
    public BodySizeLimitFilter(long defaultMaxBytes, Map<String, Long> maxBytesByPath) {
        this.defaultMaxBytes = defaultMaxBytes;
        this.maxBytesByPath = new LinkedHashMap<>(maxBytesByPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = maxBytesByPath.entrySet().stream()
                .filter(limit -> paths.match(limit.getKey(), request.getRequestURI()))
                .map(Map.Entry::getValue).findFirst().orElse(defaultMaxBytes);
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body exceeds " + maxBytes + " bytes.",
                    request.getRequestURI());
            return;
        }
        chain.doFilter(new Limited(request, maxBytes), response);
    }

    /** Thrown while reading a body that turns out larger than the limit. */
    public static class BodyTooLargeException extends IOException {

        public BodyTooLargeException(long maxBytes) {
            super("Request body exceeds " + maxBytes + " bytes.");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws BodyTooLargeException {
                    read += n;
                    if (read > maxBytes) {
                        throw new BodyTooLargeException(maxBytes);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
