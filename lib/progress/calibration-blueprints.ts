import type { Blueprint } from "./calibration";

/**
 * The blueprints the calibration simulation runs on: the real exams' question counts per domain,
 * pass marks, and on-list bank sizes of late 2026 (CBA after competency tagging; SAA the smallest
 * AWS bank, where a third mock cannot avoid repeats).
 */
export const CALIBRATION_BLUEPRINTS: Record<string, Blueprint> = {
  cba: {
    groups: [
      { id: "development-workflow", title: "Development Workflow", quota: 15, bank: 90 },
      { id: "infrastructure", title: "Infrastructure", quota: 13, bank: 89 },
      { id: "catalog", title: "Catalog", quota: 13, bank: 101 },
      { id: "customizing", title: "Customizing", quota: 19, bank: 114 },
    ],
    passPercent: 75,
    targetPercent: 85,
  },
  "aws-saa-c03": {
    groups: [
      { id: "secure", title: "Secure architectures", quota: 20, bank: 44 },
      { id: "resilient", title: "Resilient architectures", quota: 17, bank: 38 },
      { id: "high-performing", title: "High-performing architectures", quota: 16, bank: 35 },
      { id: "cost-optimized", title: "Cost-optimized architectures", quota: 12, bank: 27 },
    ],
    passPercent: 72,
    targetPercent: 85,
  },
};
