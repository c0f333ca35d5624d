/** The `mail` entry of the sandbox registry: the SMTP catcher, its web inbox as the emulator's URL. */
import type { EmulatorDefinition } from "../registry";
import { startCatcher } from "./catcher";

export const mailEmulator: EmulatorDefinition = {
  name: "mail",
  async start(options) {
    const catcher = await startCatcher({ httpPort: options.port });
    return {
      name: "mail",
      url: catcher.url,
      token: "",
      extra: { smtpHost: "127.0.0.1", smtpPort: String(catcher.smtpPort) },
      stop: catcher.stop,
    };
  },
};
