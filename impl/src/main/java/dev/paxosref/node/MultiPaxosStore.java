package dev.paxosref.node;

import dev.paxosref.core.Durable;
import dev.paxosref.core.MachineState;
import dev.paxosref.core.MultiAcceptorDurable;
import dev.paxosref.core.ReplicaDurable;
import dev.paxosref.core.SlotVote;
import dev.paxosref.core.rsm.Reply;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Multi-Paxos node's durable state as checksummed records ({@link RecordLog}): the proposer's pBal (kind 2, as
 * single-decree Paxos writes it), the acceptor's maxBal, accepted and low (kind 3), and the replica's rLog and snap
 * (kind 4). Each record holds a role's whole durable state, so recovery takes the last intact one of each kind.
 */
public final class MultiPaxosStore extends RecordStore<MultiPaxosDurable> {
    private static final byte KIND_ACCEPTOR = 3;
    private static final byte KIND_REPLICA = 4;

    public MultiPaxosStore(Storage storage) {
        super(storage);
    }

    @Override
    protected void writeRole(Durable durable) {
        if (durable instanceof MultiAcceptorDurable a) {
            append(KIND_ACCEPTOR, out -> writeAcceptor(out, a));
        } else {
            append(KIND_REPLICA, out -> writeReplica(out, (ReplicaDurable) durable));
        }
    }

    @Override
    protected MultiPaxosDurable recover(LastRecords last) {
        MultiAcceptorDurable acceptor =
            last.read(KIND_ACCEPTOR, MultiPaxosStore::readAcceptor, MultiAcceptorDurable.INITIAL);
        return new MultiPaxosDurable(acceptor, last.pBal(),
            last.read(KIND_REPLICA, MultiPaxosStore::readReplica, ReplicaDurable.INITIAL));
    }

    private static void writeAcceptor(DataOutputStream out, MultiAcceptorDurable a) throws IOException {
        out.writeInt(a.maxBal());
        out.writeInt(a.low());
        out.writeInt(a.accepted().size());
        for (SlotVote t : a.accepted()) {
            out.writeInt(t.slot());
            out.writeInt(t.bal());
            out.writeUTF(t.val());
        }
    }

    private static MultiAcceptorDurable readAcceptor(DataInputStream in) throws IOException {
        int maxBal = in.readInt();
        int low = in.readInt();
        int count = in.readInt();
        List<SlotVote> accepted = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accepted.add(new SlotVote(in.readInt(), in.readInt(), in.readUTF()));
        }
        return new MultiAcceptorDurable(maxBal, accepted, low);
    }

    private static void writeReplica(DataOutputStream out, ReplicaDurable r) throws IOException {
        out.writeInt(r.rLog().size());
        for (Map.Entry<Integer, String> slot : r.rLog().entrySet()) {
            out.writeInt(slot.getKey());
            out.writeUTF(slot.getValue());
        }
        MachineState snap = r.snap();
        out.writeInt(snap.idx());
        out.writeLong(snap.count());
        out.writeInt(snap.kv().size());
        for (Map.Entry<String, String> entry : snap.kv().entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue());
        }
        out.writeInt(snap.sessions().size());
        for (Reply reply : snap.sessions()) {
            out.writeUTF(reply.clientId());
            out.writeLong(reply.seq());
            out.writeUTF(reply.result());
        }
    }

    private static ReplicaDurable readReplica(DataInputStream in) throws IOException {
        SortedMap<Integer, String> rLog = new TreeMap<>();
        int slots = in.readInt();
        for (int i = 0; i < slots; i++) {
            rLog.put(in.readInt(), in.readUTF());
        }
        int idx = in.readInt();
        long count = in.readLong();
        SortedMap<String, String> kv = new TreeMap<>();
        int keys = in.readInt();
        for (int i = 0; i < keys; i++) {
            kv.put(in.readUTF(), in.readUTF());
        }
        List<Reply> sessions = new ArrayList<>();
        int clients = in.readInt();
        for (int i = 0; i < clients; i++) {
            sessions.add(new Reply(in.readUTF(), in.readLong(), in.readUTF()));
        }
        return new ReplicaDurable(rLog, new MachineState(idx, count, kv, sessions));
    }
}
