# Builds Stegvis from this repository and runs it on a JRE. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q -DskipTests package && cp target/stegvis-*.jar /stegvis.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 stegvis
USER stegvis
COPY --from=build /stegvis.jar /app/stegvis.jar
ENV TZ=Europe/Stockholm
EXPOSE 8080
ENTRYPOINT ["java", "-Duser.timezone=Europe/Stockholm", "-jar", "/app/stegvis.jar"]
