package dev.kiln.template;

import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.Wrapper;
import java.util.List;
import java.util.Map;

/**
 * Mustache prints nothing for an unknown name, which hides typos. Here an unknown name is an error,
 * except under {@code params}, the author's free-form front matter, where a missing key is normal.
 */
final class StrictObjectHandler extends ReflectionObjectHandler {
    @Override
    public Wrapper find(String name, List<Object> scopes) {
        Wrapper wrapper = super.find(name, scopes);
        if (wrapper instanceof MissingWrapper && !isFreeForm(name, scopes)) {
            throw new UnknownVariableException(name);
        }
        return wrapper;
    }

    private static boolean isFreeForm(String name, List<Object> scopes) {
        if (name.equals("params") || name.startsWith("params.") || name.contains(".params.")) {
            return true;
        }
        return scopes.stream().anyMatch(scope -> scope instanceof Map<?, ?>);
    }

    static final class UnknownVariableException extends RuntimeException {
        UnknownVariableException(String name) {
            super("unknown variable {{" + name + "}}", null, false, false);
        }
    }
}
