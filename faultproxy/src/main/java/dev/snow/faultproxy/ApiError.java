package dev.snow.faultproxy;

/**
 * An error answer, as Toxiproxy words it: {@code {"error":"proxy not found","status":404}}.
 */
final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;

  ApiError(String message, int status) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiError badBody(String detail) {
    return new ApiError("bad request body: " + detail, 400);
  }

  static ApiError missingField(String field) {
    return new ApiError("missing required field: " + field, 400);
  }

  static ApiError proxyNotFound() {
    return new ApiError("proxy not found", 404);
  }

  static ApiError proxyExists() {
    return new ApiError("proxy already exists", 409);
  }

  static ApiError invalidStream() {
    return new ApiError("stream was invalid, can be either upstream or downstream", 400);
  }

  static ApiError invalidToxicType() {
    return new ApiError("invalid toxic type", 400);
  }

  static ApiError toxicExists() {
    return new ApiError("toxic already exists", 409);
  }

  static ApiError toxicNotFound() {
    return new ApiError("toxic not found", 404);
  }

  /** Anything without a status of its own (a bind failure, say) is a 500, as in Toxiproxy. */
  static ApiError internal(String message) {
    return new ApiError(message, 500);
  }
}
