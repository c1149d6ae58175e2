// Swagger UI on the hand-written contract. "Authorize" takes a development token from POST /dev/tokens.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/v3/api-docs.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: true,
    persistAuthorization: false,
    displayOperationId: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
};
