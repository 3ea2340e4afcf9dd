/** Every `dtm-flow` command, in the order `dtm-flow --help` lists them. Add new commands here. */
import type { Command } from "./command.ts";
import { estimateCommand } from "./commands/estimate.ts";

export const commands: Command[] = [estimateCommand];
