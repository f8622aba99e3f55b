/**
 * Keys chain-sdk's schema rejects, with what Akash does instead.
 *
 * Decision: an unknown key is an ERROR, as in chain-sdk. The Go parser behind the CLI and the providers ignores
 * unknown keys, but this console builds and signs the manifest with chain-sdk, and chain-sdk refuses to generate a
 * manifest for such an SDL: there is no manifest to hash, sign or send. Saying so early, with what Akash does
 * instead of the docker-compose habit, is more useful than a silent drop. (Tested in lib/sdl/validate.test.ts.)
 */
import { quote } from "@/lib/sdl/rules/context";

const SERVICE_HINTS: Record<string, string> = {
  depends_on: "services start independently on Akash; reach another service by using its name as the hostname (expose its port with `to: - service: <name>`)",
  volumes: "use `params.storage` on the service with a persistent storage volume in its compute profile (`attributes: { persistent: true, class: beta3 }`)",
  restart: "providers always restart containers that exit",
  container_name: "the service key is the container's name",
  ports: "use `expose` (`- port: 80`, `as: 80`, `to: - global: true`)",
  environment: "use `env`, a list of NAME=value entries",
  entrypoint: "use `command` (and `args`)",
  build: "providers only pull images: build and push the image to a registry, then set `image`",
  networks: "the services of a deployment share one network; reach them by service name",
  healthcheck: "the SDL has no health checks; the provider restarts containers that exit",
  hostname: "the service key is the hostname inside the deployment; public hostnames go in `expose[].accept`",
  working_dir: "set the working directory in the image or in `command`",
  labels: "the SDL has no container labels",
  deploy: "replicas are set by `count` under `deployment.<service>.<placement>`, resources by `profiles.compute`",
  privileged: "containers on Akash never run privileged",
  env_file: "list the variables under `env` (NAME=value)",
  user: "set the user in the image",
};

const RENAMES: Record<string, string> = { environment: "env", entrypoint: "command" };

export interface UnknownKeyHelp {
  code: "sdl.unknown_key" | "sdl.tee_unsupported";
  message: string;
  rename?: string;
}

export function unknownKeyHelp(key: string, parentPath: string, allowed: string[], guess: string | undefined): UnknownKeyHelp {
  const where = parentPath ? ` in \`${parentPath}\`` : " at the top level";
  if (key === "tee" && parentPath.endsWith(".params")) {
    return {
      code: "sdl.tee_unsupported",
      message:
        "`params.tee` (confidential computing) is not supported by this console's chain-sdk version (1.0.0-alpha.25) yet: it cannot build a manifest with it. Remove `tee` to deploy without TEE.",
    };
  }
  const isService = /^services\.[^.]+$|^services\[/.test(parentPath) && !parentPath.includes(".params");
  const hint = isService ? SERVICE_HINTS[key] : undefined;
  if (hint) {
    return { code: "sdl.unknown_key", message: `${quote(key)} is not an Akash SDL key: ${hint}.`, rename: RENAMES[key] };
  }
  const suggestion = guess ? ` Did you mean ${quote(guess)}?` : "";
  const list = allowed.length > 0 ? ` Allowed here: ${allowed.join(", ")}.` : "";
  return { code: "sdl.unknown_key", message: `${quote(key)} is not an Akash SDL key${where}.${suggestion}${list}`, rename: guess };
}
