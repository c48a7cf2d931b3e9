package se.newsroom.local;

import java.util.concurrent.atomic.AtomicReference;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import se.newsroom.http.ApiRequest;
import se.newsroom.http.HttpApiFunction;

/**
 * A handler bound to its routes before it can be built: PreviewFunction needs the site's address, which is known
 * only once the site server (which serves the routes) has its port.
 */
final class DeferredFunction extends HttpApiFunction {
    private final AtomicReference<HttpApiFunction> target = new AtomicReference<>();

    /** Sets the handler that answers from now on. */
    void bind(HttpApiFunction function) {
        target.set(function);
    }

    @Override
    protected APIGatewayV2HTTPResponse route(ApiRequest request) {
        HttpApiFunction function = target.get();
        if (function == null) {
            throw new IllegalStateException("The local runner has not started this function yet");
        }
        return function.handle(request.event(), null);
    }
}
