/** Every `dtm-flow` command, in the order `dtm-flow --help` lists them. Add new commands here. */
import type { Command } from "./command.ts";

export const commands: Command[] = [];
