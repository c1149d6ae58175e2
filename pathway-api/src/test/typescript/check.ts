// Uses the TypeScript client generated from the contract (target/generated-clients/typescript, copied to ./client
// unedited) against a live service: posts an event and reads the pathway's gaps. Prints one JSON line.
import { Configuration, IngestionApi, PathwaysApi, EpisodeEndedTypeEnum, ResponseError } from "./client";

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

async function main(): Promise<void> {
  const config = new Configuration({
    basePath: process.env.PATHWAY_BASE,
    accessToken: async () => process.env.PATHWAY_TOKEN ?? "",
  });
  const person = process.env.PATHWAY_PERSON ?? "";
  const stored = await new IngestionApi(config).postEvent({
    event: {
      eventId: "typescript-client-" + Date.now(),
      type: EpisodeEndedTypeEnum.EpisodeEnded,
      personId: person,
      occurredAt: new Date(process.env.PATHWAY_OCCURRED_AT ?? ""),
      municipality: "0301",
      episodeId: "avr-ts",
      setting: "DETOX",
      endReason: "COMPLETED",
    },
  });
  const gaps = await new PathwaysApi(config).getPathwayGaps({ pathwayId: stored.pathwayId });
  let refused = 0;
  try {
    await new IngestionApi(config).postEvent({
      event: { eventId: "typescript-bad", type: "PERSON_DIED", personId: "12345678901", occurredAt: new Date() },
    });
  } catch (e) {
    refused = e instanceof ResponseError ? e.response.status : -1;
  }
  console.log(JSON.stringify({
    pathwayId: stored.pathwayId,
    sequence: stored.sequence,
    gaps: gaps.gaps.map((g) => ({ rule: g.rule, status: g.status })),
    refused,
  }));
}

main().catch(async (e) => {
  console.error(String(e), e instanceof ResponseError ? e.response.status + " " + (await e.response.text()) : "");
  process.exitCode = 1;
});
