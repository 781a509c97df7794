package org.bpogovernance.engagement;

public enum Side {
    CLIENT, PROVIDER
}
