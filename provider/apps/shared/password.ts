/** A random initial password: 20 characters with every character class (meets Google's and Graph's rules). */
export function generatePassword(): string {
  const { randomInt } = require("node:crypto") as typeof import("node:crypto");
  const classes = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#%+-.:=?@_~"];
  const all = classes.join("");
  const chars = classes.map((set) => set[randomInt(set.length)]);
  while (chars.length < 20) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}
