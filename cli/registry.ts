/** Every `dtm-flow` command, in the order `dtm-flow --help` lists them. Add new commands here. */
import type { Command } from "./command.ts";
import { importCommand } from "./commands/import.ts";
import { validateCommand } from "./commands/validate.ts";
import { estimateCommand } from "./commands/estimate.ts";
import { ledgerCommand } from "./commands/ledger.ts";
import { reportCommand } from "./commands/report.ts";
import { scenarioCommand } from "./commands/scenario.ts";
import { forecastCommand } from "./commands/forecast.ts";

export const commands: Command[] = [
  validateCommand,
  importCommand,
  estimateCommand,
  ledgerCommand,
  reportCommand,
  scenarioCommand,
  forecastCommand,
];
