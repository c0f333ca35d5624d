/** @module engine/state/checkpoint — the checkpoint model (apitype), its resource order and integrity checks */
export * from "./apitype";
export * from "./checkpoint";
export * from "./deployment-model";
export * from "./integrity";
export * from "./resource-order";
