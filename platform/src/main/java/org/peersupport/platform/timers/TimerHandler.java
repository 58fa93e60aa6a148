package org.peersupport.platform.timers;

/** Acts on a due timer of one type. Must be idempotent by timer id: a timer may fire again after a crash. */
public interface TimerHandler {

    String type();

    void fire(TimerTask task);
}
