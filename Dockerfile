# instance-ha engine node. Build: docker build -t instance-ha .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app instanceha
WORKDIR /app
COPY --from=build /src/target/instance-ha-*.jar /app/instance-ha.jar
COPY deploy/jvm.options /app/jvm.options
USER instanceha
EXPOSE 8080 8443
# Production by default: PostgreSQL and no built-in passwords (set INSTANCEHA_AUTH_ADMIN_PASSWORD).
ENV SPRING_PROFILES_ACTIVE=prod,postgres
# With TLS (docker-compose.tls.yml), INSTANCEHA_HEALTH_URL names the https address; -k: it asks itself.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fsSk "${INSTANCEHA_HEALTH_URL:-http://localhost:8080/actuator/health/liveness}" || exit 1
# deploy/jvm.options: the JVM options of every node (why: the file says).
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:MaxRAMPercentage=75", "-jar", "/app/instance-ha.jar"]
