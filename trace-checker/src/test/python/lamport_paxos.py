#!/usr/bin/env python3
"""Single-decree Paxos as "Paxos Made Simple" (Lamport, 2001) describes it, written for the trace checker's tests
without reading this project's Paxos.tla or Java core: an outside implementation, to show that its executions are
behaviours of PaxosGeneral.tla.

One run is one seeded random schedule: proposers start ballots from their own disjoint sets whenever they like (a
lower ballot after a higher one, several at once) and may send the accept request of an old ballot late; the
network loses, duplicates and reorders; learners crash and forget. The run is logged in the trace format of
trace-checker/TRACE-FORMAT.md, one file per node, and a JSON summary is printed on stdout.

    python3 lamport_paxos.py --seed 7 --out DIR [--bug NAME] [--clock lamport|global]

--bug builds one classic mistake in; the summary's "bugEvents" lists every event where the mistake produced a step
the protocol forbids (judged with the global knowledge only a simulator has), as [node, clock, action].
--clock global stamps every event with one run-wide step counter, so the trace's causal order is the order the
events happened in; lamport (the default) gives each node a Lamport clock, as a distributed implementation would.
"""
import argparse
import json
import os
import random
from collections import defaultdict

BUGS = ("acceptor-ignores-promise", "proposer-ignores-votes", "learner-learns-from-minority")


def message_id(msg):
    """Ids are the message's content: a re-send of the same message carries the same id."""
    keys = {"1a": ("bal",), "1b": ("acc", "bal", "mbal", "mval"), "2a": ("bal", "val"), "2b": ("acc", "bal", "val")}[msg["type"]]
    return "/".join([msg["type"]] + [str(msg[k]) for k in keys])


class Log:
    """The trace writer: one list of events per node, each event stamped with the node's clock."""

    def __init__(self, global_clock):
        self.global_clock = global_clock
        self.steps = 0
        self.clocks = defaultdict(int)
        self.events = defaultdict(list)

    def event(self, node, action, params, recv=(), sent=(), state=None):
        """Logs one step; recv is a list of (message, clock of its send). Returns the event's clock."""
        self.steps += 1
        if self.global_clock:
            clock = self.steps
        else:
            clock = max([self.clocks[node]] + [c for _, c in recv]) + 1
        self.clocks[node] = clock
        event = {"node": node, "clock": clock, "action": action, "params": params}
        if recv:
            event["recv"] = [dict(m, id=message_id(m)) for m, _ in recv]
        if sent:
            event["sent"] = [dict(m, id=message_id(m)) for m in sent]
        if state is not None:
            event["state"] = state
        self.events[node].append(event)
        return clock

    def write(self, directory, header):
        os.makedirs(directory, exist_ok=True)
        for node, events in self.events.items():
            with open(os.path.join(directory, "%s.ndjson" % node), "w", encoding="utf-8") as out:
                out.write(json.dumps(dict(header, node=node), separators=(",", ":")) + "\n")
                for event in events:
                    out.write(json.dumps(event, separators=(",", ":")) + "\n")


class Network:
    """Messages in flight, each (destination, message, clock of its send). Delivery picks any of them."""

    def __init__(self, rng):
        self.rng = rng
        self.flight = []

    def send(self, destinations, msg, clock):
        for dest in destinations:
            self.flight.append((dest, msg, clock))

    def take(self):
        """Removes and returns a random message in flight; sometimes leaves a copy behind (duplication)."""
        item = self.flight.pop(self.rng.randrange(len(self.flight)))
        if self.rng.random() < 0.15:
            self.flight.append(item)
        return item

    def lose(self):
        self.flight.pop(self.rng.randrange(len(self.flight)))


class Proposer:
    """Chooses proposal numbers from its own set (n = k * proposers + id) and keeps, per number, the promises
    it got and whether it has issued the accept request. Nothing forces numbers to increase."""

    def __init__(self, pid, value, run):
        self.pid, self.value, self.run = pid, value, run
        self.promises = defaultdict(dict)  # ballot -> acceptor -> (promise message, clock)
        self.started = []                  # ballots in the order started
        self.proposed = set()              # values this proposer logged as proposed
        self.accept_sent = set()

    def prepare(self, ballot):
        msg = {"type": "1a", "bal": ballot}
        clock = self.run.log.event(self.pid, "Phase1a", {"b": ballot}, sent=[msg])
        self.run.net.send(self.run.acceptors, msg, clock)
        if self.started and ballot < max(self.started):
            self.run.freedoms["lowerAfterHigher"] += 1
        self.started.append(ballot)

    def on_promise(self, msg, clock):
        if msg["bal"] not in self.accept_sent:
            self.promises[msg["bal"]][msg["acc"]] = (msg, clock)

    def ready(self):
        return [b for b, p in self.promises.items()
                if b not in self.accept_sent and len(p) >= self.run.majority]

    def accept_request(self, ballot):
        """Phase 2 (a): the value of the highest-numbered proposal among the responses, or its own."""
        used = list(self.promises[ballot].values())
        voted = [m for m, _ in used if m["mbal"] != -1]
        if voted and self.run.bug != "proposer-ignores-votes":
            value = max(voted, key=lambda m: m["mbal"])["mval"]
        else:
            value = self.value
        if not voted or value == self.value:
            if value not in self.proposed:
                self.proposed.add(value)
                self.run.proposed.add(value)
                self.run.log.event(self.pid, "Propose", {"v": value})
        unsafe = not self.run.oracle_safe(ballot, value)
        msg = {"type": "2a", "bal": ballot, "val": value}
        clock = self.run.log.event(self.pid, "Phase2a", {"b": ballot, "v": value}, recv=used, sent=[msg])
        if unsafe:
            self.run.bug_events.append([self.pid, clock, "Phase2a"])
        if ballot < max(self.started):
            self.run.freedoms["olderAcceptRequest"] += 1
        self.accept_sent.add(ballot)
        self.run.sent_2a.add(ballot)
        self.run.net.send(self.run.acceptors, msg, clock)


class Acceptor:
    """Responds to a prepare request numbered above any it responded to; accepts unless it promised higher.
    Its promise and accepted proposal are on stable storage: a crash loses nothing."""

    def __init__(self, name, run):
        self.name, self.run = name, run
        self.promised, self.vbal, self.vval = -1, -1, None

    def state(self):
        return {"maxBal": self.promised, "maxVBal": self.vbal, "maxVal": self.vval}

    def on_prepare(self, msg, clock):
        if msg["bal"] <= self.promised:
            return  # no response; a duplicate prepare also lands here
        self.promised = msg["bal"]
        reply = {"type": "1b", "acc": self.name, "bal": msg["bal"], "mbal": self.vbal, "mval": self.vval}
        sent = self.run.log.event(self.name, "Phase1b", {"a": self.name, "b": msg["bal"]},
                                  recv=[(msg, clock)], sent=[reply], state=self.state())
        self.run.promises_sent[msg["bal"]].append(reply)
        self.run.net.send([msg["bal"] % len(self.run.proposers)], reply, sent)

    def on_accept(self, msg, clock):
        below = msg["bal"] < self.promised
        if below and self.run.bug != "acceptor-ignores-promise":
            return
        self.promised, self.vbal, self.vval = msg["bal"], msg["bal"], msg["val"]
        vote = {"type": "2b", "acc": self.name, "bal": msg["bal"], "val": msg["val"]}
        sent = self.run.log.event(self.name, "Phase2b", {"a": self.name, "b": msg["bal"], "v": msg["val"]},
                                  recv=[(msg, clock)], sent=[vote], state=self.state())
        if below:
            self.run.bug_events.append([self.name, sent, "Phase2b"])
        self.run.votes_sent[(msg["bal"], msg["val"])].add(self.name)
        self.run.net.send(self.run.learners, vote, sent)


class Learner:
    """Learns a value once a majority of acceptors accepted it in one proposal. Forgets everything on a crash."""

    def __init__(self, name, run):
        self.name, self.run = name, run
        self.learned = None
        self.heard = defaultdict(dict)  # (ballot, value) -> acceptor -> (vote message, clock)

    def on_vote(self, msg, clock):
        key = (msg["bal"], msg["val"])
        fresh = msg["acc"] not in self.heard[key]
        self.heard[key][msg["acc"]] = (msg, clock)
        needed = 1 if self.run.bug == "learner-learns-from-minority" else self.run.majority
        if fresh and len(self.heard[key]) == needed:
            self.learned = msg["val"]
            minority = len(self.run.votes_sent[key]) < self.run.majority
            at = self.run.log.event(self.name, "Learn", {"l": self.name, "b": msg["bal"], "v": msg["val"]},
                                    recv=list(self.heard[key].values()), state={"learned": self.learned})
            if minority:
                self.run.bug_events.append([self.name, at, "Learn"])

    def crash(self):
        self.learned = None
        self.heard.clear()
        self.run.log.event(self.name, "LearnerCrash", {"l": self.name}, state={"learned": None})


class Run:
    def __init__(self, seed, bug, global_clock):
        self.rng = random.Random(seed)
        self.bug = bug
        self.log = Log(global_clock)
        self.net = Network(self.rng)
        self.acceptors = ["a%d" % i for i in range(1, self.rng.choice([3, 3, 5]) + 1)]
        self.majority = len(self.acceptors) // 2 + 1
        self.learners = ["l%d" % i for i in range(1, self.rng.choice([1, 2]) + 1)]
        self.values = ["v%d" % i for i in range(self.rng.choice([2, 3]))]
        self.proposers = [Proposer(p, self.rng.choice(self.values), self) for p in range(self.rng.choice([2, 3]))]
        self.nodes = {a: Acceptor(a, self) for a in self.acceptors}
        self.nodes.update({l: Learner(l, self) for l in self.learners})
        self.nodes.update({p.pid: p for p in self.proposers})
        self.rounds = 4
        self.proposed = set()
        self.sent_2a = set()
        self.promises_sent = defaultdict(list)  # ballot -> every promise sent for it
        self.votes_sent = defaultdict(set)      # (ballot, value) -> acceptors that sent that vote
        self.bug_events = []
        self.freedoms = {"lowerAfterHigher": 0, "olderAcceptRequest": 0}

    def oracle_safe(self, ballot, value):
        """Whether some majority's promises for the ballot, with any other promise sent for it, make the value
        safe (the rule of Paxos Made Simple, for a proposer that may use more responses than a majority)."""
        promises = {m["acc"]: m for m in self.promises_sent[ballot]}
        if len(promises) < self.majority:
            return False
        top_voted = [m for m in promises.values() if m["mbal"] != -1]
        for quorum in majorities(self.acceptors, self.majority):
            if not all(a in promises for a in quorum):
                continue
            top = max(promises[a]["mbal"] for a in quorum)
            if top == -1 and value in self.proposed:
                return True
            if any(m["mval"] == value and m["mbal"] >= top for m in top_voted):
                return True
        return False

    def step(self):
        roll = self.rng.random()
        if roll < 0.06:
            proposer = self.rng.choice(self.proposers)
            unused = [k * len(self.proposers) + proposer.pid for k in range(self.rounds)
                      if k * len(self.proposers) + proposer.pid not in proposer.started]
            if unused:
                proposer.prepare(self.rng.choice(unused))
        elif roll < 0.21:
            ready = [(p, b) for p in self.proposers for b in p.ready()]
            if ready:
                proposer, ballot = self.rng.choice(ready)
                proposer.accept_request(ballot)
        elif roll < 0.22:
            self.nodes[self.rng.choice(self.learners)].crash()
        elif self.net.flight:
            if self.rng.random() < 0.1:
                self.net.lose()
                return
            dest, msg, clock = self.net.take()
            node = self.nodes[dest]
            handler = {"1a": "on_prepare", "1b": "on_promise", "2a": "on_accept", "2b": "on_vote"}[msg["type"]]
            getattr(node, handler)(msg, clock)

    def check_agreement(self):
        learned = {self.nodes[l].learned for l in self.learners} - {None}
        if self.bug is None and len(learned) > 1:
            raise AssertionError("learners disagree: %s" % learned)

    def header(self):
        ballots = sorted({k * len(self.proposers) + p.pid for p in self.proposers for k in range(self.rounds)})
        return {"format": "paxos-trace", "version": 1, "spec": "PaxosGeneral",
                "constants": {"Value": self.values, "Acceptor": self.acceptors,
                              "Quorum": [list(q) for q in majorities(self.acceptors, self.majority)],
                              "Learner": self.learners, "Ballot": ballots}}


def majorities(acceptors, size):
    if size == 0:
        return [()]
    if len(acceptors) < size:
        return []
    first, rest = acceptors[0], acceptors[1:]
    return [(first,) + q for q in majorities(rest, size - 1)] + majorities(rest, size)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", required=True, help="directory; the trace is written to OUT/seed-N.trace/")
    parser.add_argument("--bug", choices=BUGS)
    parser.add_argument("--clock", choices=("lamport", "global"), default="lamport")
    parser.add_argument("--steps", type=int, default=300)
    args = parser.parse_args()
    run = Run(args.seed, args.bug, args.clock == "global")
    for _ in range(args.steps):
        run.step()
        run.check_agreement()
    directory = os.path.join(args.out, "seed-%d.trace" % args.seed)
    run.log.write(directory, run.header())
    print(json.dumps({"seed": args.seed, "trace": directory, "events": run.log.steps,
                      "learned": {l: run.nodes[l].learned for l in run.learners},
                      "freedoms": run.freedoms, "bugEvents": run.bug_events}))


if __name__ == "__main__":
    main()
