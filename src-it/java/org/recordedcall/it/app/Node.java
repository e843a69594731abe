package org.recordedcall.it.app;

/** A linked node; two of them make a cycle that no JSON serializer can write. */
public class Node {

    public final String name;
    public Node next;

    public Node(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public Node getNext() {
        return next;
    }
}
