// caseledger's complaint decider in the shape of Emmett's DeciderCommandHandler options (Emmett
// events wrap the decided event in `data`; a refusal is thrown), for both Emmett benchmarks.
import { complaintDecider } from '@caseledger/core';

const { decide, evolve, initialState } = complaintDecider;

export const emmettComplaintDecider = {
  decide: (command, state) => {
    const decided = decide(command.data, state);
    if (decided._tag === 'Left') throw new Error(decided.left.message);
    return decided.right.map((event) => ({ type: event.type, data: event }));
  },
  evolve: (state, event) => evolve(state, event.data),
  initialState: () => initialState,
};
