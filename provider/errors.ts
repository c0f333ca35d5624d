/** The provider's door to the shared error base (`errors/` at the top): folders under provider/ import it from here. */
export * from "../errors";
