package org.instanceha.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.instanceha.common.BodyReadOnce;
import org.instanceha.masakari.Faults;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code instanceha.http.max-request-size} on every route, with 413 and
 * an {@code overLimit} fault body, before anything reads them: by the declared length at once, and a
 * body of unknown length (chunked) once more than the limit has arrived. The connection is closed
 * afterwards, so that the rest of a huge body is not read either.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long limit;

    public RequestSizeLimit(HttpProperties properties) {
        this.limit = properties.maxRequestSize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                refuse(response);
                return;
            }
            chain.doFilter(new BodyReadOnce(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        Faults.write(response, 413, "The request body is larger than the limit of " + limit + " bytes.");
    }
}
