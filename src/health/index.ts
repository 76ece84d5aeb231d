/**
 * Health: the shape in which every part of a troupe says whether it can
 * serve (`Readiness`), and `NotReadyReasons`, where the part's owners report
 * what keeps it from serving. `GET /ready` gathers them. It sits on the
 * ground floor because memory, the bus, the runtime and connectors all report.
 */
export { NotReadyReasons, READY, type Readiness } from "./readiness.js";
