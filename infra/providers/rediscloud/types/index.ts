// The nested types of the rediscloud schema, as `rediscloud.types.input.X` and `rediscloud.types.output.X`, the same
// paths the generated SDK uses.
import * as input from "./input";
import * as output from "./output";

export { input, output };
