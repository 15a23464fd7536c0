package org.instanceha.masakari;

import java.io.IOException;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests that Tomcat refuses before any of our code runs (an encoded {@code %2F} or {@code %00} in a
 * path, a request line or header too long) get a Masakari fault body instead of Tomcat's HTML page:
 * Tomcat's error report valve is replaced by one that writes {@code {"badRequest": {...}}}. Runs after
 * Spring Boot's own customizer, which installs the HTML valve.
 */
@Component
public class TomcatFaultReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof Host host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new FaultReportValve());
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(FaultReportValve.class.getName());
                }
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report, as a Masakari fault body. */
    public static class FaultReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String message = status == 400 ? "The request could not be understood: its path, query or headers "
                    + "are malformed or too long." : known != null ? known.getReasonPhrase() : "Error " + status;
            try {
                Faults.write(response, status, message);
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client went away: nothing to report to
            }
        }
    }
}
