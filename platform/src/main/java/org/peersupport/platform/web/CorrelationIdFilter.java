package org.peersupport.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.peersupport.platform.messaging.Correlation;
import org.springframework.web.filter.OncePerRequestFilter;

/** Adopts the caller's correlation id (or makes one), puts it in the logs and echoes it in the response. */
public class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = Correlation.adopt(request.getHeader(Correlation.HTTP_HEADER));
        response.setHeader(Correlation.HTTP_HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            Correlation.clear();
        }
    }
}
