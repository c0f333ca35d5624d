/**
 * zxcvbn-ts with its maintained common-password, English word and name dictionaries, built once on first use
 * (the dictionaries are a few MB). `common` is true when one dictionary word from the breached-passwords list
 * makes up most of the password, whatever its score.
 */
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  guessesLog10: number;
  common: boolean;
  /** zxcvbn's own advice, in English. */
  warning: string;
}

let factory: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  if (factory) return factory;
  const core = require("@zxcvbn-ts/core") as typeof import("@zxcvbn-ts/core");
  const common = require("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
  const en = require("@zxcvbn-ts/language-en") as typeof import("@zxcvbn-ts/language-en");
  factory = new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return factory;
}

export function strength(password: string, userInputs: readonly string[] = []): Strength {
  // zxcvbn's cost grows with length; NIST lets us cap what we analyse, and 100 code points covers any real input.
  const sample = [...password].slice(0, 100).join("");
  const result = zxcvbn().check(sample, [...userInputs]);
  const length = [...sample].length;
  const common = result.sequence.some(
    (m) =>
      m.pattern === "dictionary" &&
      (m as { dictionaryName?: string }).dictionaryName === "passwords" &&
      [...m.token].length * 2 > length,
  );
  return { score: result.score, guessesLog10: result.guessesLog10, common, warning: result.feedback.warning ?? "" };
}
