# syntax=docker/dockerfile:1
# Builds the site, then serves it with nginx.
ARG JAVA_VERSION=17
FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build

LABEL maintainer="seb@example.com" \
      org.opencontainers.image.source="https://example.com/blog"

ENV MAVEN_OPTS="-Xmx512m" \
    LANG=C.UTF-8

WORKDIR /src
COPY pom.xml .
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp dependency:go-offline

COPY src ./src
COPY content ./content
COPY templates ./templates
RUN mvn -B -ntp package -DskipTests \
 && java -jar target/kiln.jar build --source . \
 && ls -la site/

FROM nginx:1.27-alpine
COPY --from=build /src/site /usr/share/nginx/html
COPY nginx.conf /etc/nginx/conf.d/default.conf
RUN apk add --no-cache curl && rm -rf /var/cache/apk/*
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1
USER nginx
ENTRYPOINT ["nginx"]
CMD ["-g", "daemon off;"]
