package se.stegvis.apidoc;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description of the application's API ({@code /api}), served at {@code /v3/api-docs}
 * to administrators ({@link ApiDescriptionAccess}). Every operation carries its Swedish summary
 * from the handler's {@code @Operation} and the refusals every call can meet, in the one error
 * format of {@code ApiProblems}: RFC 9457 problem details.
 */
@Configuration
class ApiDescription {

  static final String PROBLEM = "Problem";

  /** The refusals any call can meet; a handler's own answers come first and are kept. */
  private static final Map<String, String> REFUSALS = Map.of(
      "400", "Uppgifterna kunde inte tas emot (fälten som är fel står i errors)",
      "401", "Inloggning krävs",
      "403", "Anroparens roll får inte göra detta",
      "404", "Finns inte, eller syns inte för anroparen",
      "409", "Krockar med en ändring som redan gjorts");

  @Bean
  OpenAPI stegvisApi() {
    return new OpenAPI()
        .info(new Info().title("Stegvis API").version("1")
            .description("Stegvis programmeringsgränssnitt för ärenden, remisser, samtycken, praktik, "
                + "rapporter och loggranskning. Fel beskrivs som problem details (RFC 9457) med svenska texter. "
                + "Processmotorns eget REST-API finns under /engine-rest och beskrivs av Camunda."))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
            .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("basic"))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  @Bean
  OpenApiCustomizer problemResponses() {
    return api -> {
      api.getComponents().addSchemas(PROBLEM, problem());
      api.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
          REFUSALS.forEach((status, description) -> {
            if (!operation.getResponses().containsKey(status)) {
              operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                  .content(new Content().addMediaType("application/problem+json",
                      new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
          })));
    };
  }

  /** RFC 9457 as {@code ApiProblems} writes it: a 400 always lists what was wrong in {@code errors}. */
  private static Schema<?> problem() {
    return new ObjectSchema().description("Problem details (RFC 9457), titel och detalj på svenska")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema().example("Uppgifterna kunde inte tas emot"))
        .addProperty("status", new IntegerSchema().example(400))
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().format("uri"))
        .addProperty("errors", new ArraySchema().items(new StringSchema())
            .description("Vid 400: varje fel i begäran, på svenska"));
  }
}
